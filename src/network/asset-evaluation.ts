import type { NetworkAsset, NetworkRule, NetworkScope, PortRange, TrafficDirection } from './model.js';
import type { ClassRules } from './class-rules.js';
import type { Decision, ScopeReachability } from './reachability.js';
import { RuleFacts } from './rule-facts.js';
import type { Structure } from './structure.js';

/**
 * What the network query has worked out about one asset: facts about each rule, and answers the query modules keep.
 * The net/* checks of an asset ask overlapping questions (the same port classes, the same rules) and run one asset
 * after another, so the most recent asset's evaluation is kept and the previous one let go.
 */
export class AssetEvaluation {
  /** Facts about asset.rules, in the same order. */
  readonly rules: RuleFacts[];
  /** Reachability answers for every scope, by direction, protocol and port class (see reachability.ts). */
  readonly answers = new ByTraffic<(ScopeReachability[] | undefined)[]>();
  /** Rules that can matter per scope, in evaluation order (see reachability.ts). */
  readonly candidates = new Map<NetworkScope, ScopeCandidates>();
  /** Port classes by direction and protocol (see traffic-classes.ts). */
  readonly portClasses = new ByTraffic<PortRange[]>();
  /** The structure of each direction's rules (see structure.ts). */
  readonly structures: Partial<Record<TrafficDirection, Structure>> = {};
  /** The facts of each rule, made when first asked for by rule. */
  private byRule?: Map<NetworkRule, RuleFacts>;
  private readonly allows: Partial<Record<TrafficDirection, RuleFacts[]>> = {};
  private readonly publicAllows: Partial<Record<TrafficDirection, RuleFacts[]>> = {};

  constructor(readonly asset: NetworkAsset) {
    this.rules = asset.rules.map((rule, index) => new RuleFacts(rule, index));
  }

  factsOf(rule: NetworkRule): RuleFacts {
    if (!this.byRule) {
      this.byRule = new Map();
      for (const facts of this.rules) if (!this.byRule.has(facts.rule)) this.byRule.set(facts.rule, facts);
    }
    return this.byRule.get(rule) ?? new RuleFacts(rule);
  }

  /** Enabled allow rules of one direction. */
  allowRules(direction: TrafficDirection): RuleFacts[] {
    return (this.allows[direction] ??= this.rules.filter((facts) => facts.allow && facts.rule.enabled && facts.rule.direction === direction));
  }

  /** Enabled allow rules of one direction whose remote side may be public. */
  publicAllowRules(direction: TrafficDirection): RuleFacts[] {
    return (this.publicAllows[direction] ??= this.allowRules(direction).filter((facts) => facts.mayBePublic));
  }
}

export interface ScopeCandidates {
  rules: RuleFacts[];
  /** By direction and protocol. */
  byTraffic: ByTraffic<Candidates>;
  /** Decisions by direction and the rules that match (see keyOfMatching in reachability.ts, ClassRules.keyOf). */
  decisions: ByTraffic<Decision[], number | string>;
  /** Numbers for the sets of rules for all ports, in the keys of ClassRules. */
  everywhereIds: Map<string, number>;
}

/** The rules of a scope for one direction and protocol; `sliced` when some apply only to an interface or a local address. */
export interface Candidates {
  rules: RuleFacts[];
  sliced: boolean;
  /** Which of the rules match each port class, made when a check first asks about a port. */
  byClass?: ClassRules;
}

/** Values kept by direction and normalised protocol: protocols are a few shared strings, so lookups build no key. */
export class ByTraffic<T, Key extends string | number = string> {
  private inbound?: Keyed<Key, T>;
  private outbound?: Keyed<Key, T>;

  of(direction: TrafficDirection): Keyed<Key, T> {
    return direction === 'inbound' ? (this.inbound ??= new Keyed()) : (this.outbound ??= new Keyed());
  }
}

/**
 * A handful of values by key (a few protocols, a few sets of rules): each asset keeps a dozen of these, and a Map or
 * a dictionary costs more to make than a short search through two arrays. Past a handful (an asset whose every port
 * class has rules of its own) it becomes a Map, so that lookups stay cheap.
 */
class Keyed<Key extends string | number, T> {
  private readonly keys: Key[] = [];
  private readonly values: T[] = [];
  private map?: Map<Key, T>;

  get(key: Key): T | undefined {
    if (this.map) return this.map.get(key);
    const { keys } = this;
    for (let index = 0; index < keys.length; index++) if (keys[index] === key) return this.values[index];
    return undefined;
  }

  set(key: Key, value: T): void {
    if (this.map) {
      this.map.set(key, value);
      return;
    }
    const index = this.keys.indexOf(key);
    if (index >= 0) this.values[index] = value;
    else if (this.keys.length < HANDFUL) {
      this.keys.push(key);
      this.values.push(value);
    } else {
      this.map = new Map(this.keys.map((known, at) => [known, this.values[at]]));
      this.map.set(key, value);
    }
  }
}

const HANDFUL = 16;

let current: AssetEvaluation | undefined;

export function evaluationOf(asset: NetworkAsset): AssetEvaluation {
  if (current?.asset !== asset) current = new AssetEvaluation(asset);
  return current;
}
