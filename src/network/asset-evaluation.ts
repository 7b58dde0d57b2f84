import type { ScopeReachability } from './decision.js';
import { inEvaluationOrder } from './evaluation-order.js';
import type { NetworkAsset, NetworkRule, NetworkScope, PortRange, TrafficDirection } from './model.js';
import { ONE_SEGMENT, portSegments, segmentSpans } from './port-segments.js';
import { RuleFacts } from './rule-facts.js';
import { SlicedDecisionMaps } from './sliced-maps.js';
import { TrafficSlices, type Endpoint } from './traffic-slices.js';
import { hasPorts, ruleAppliesInScope } from './traffic.js';

/**
 * What the network query has worked out about one asset: facts about each rule, the decision maps of the traffic it
 * was asked about, and the answers read from them. The net/* checks of an asset ask overlapping questions and run one
 * asset after another, so the most recent asset's evaluation is kept and the previous one let go.
 */
export class AssetEvaluation {
  /** Facts about asset.rules, in the same order. */
  readonly rules: RuleFacts[];
  private answersByKey?: Map<string, ScopeReachability>;
  private byRule?: Map<NetworkRule, RuleFacts>;
  private allows?: Partial<Record<TrafficDirection, RuleFacts[]>>;
  private publicAllows?: Partial<Record<TrafficDirection, RuleFacts[]>>;
  /** By scope (its place in asset.scopes, plus one), made when the scope is first asked about. */
  private readonly scopes: (ScopeState | undefined)[] = [];
  /** By direction and protocol. */
  private segments?: Partial<Record<TrafficDirection, Map<string, readonly PortRange[]>>>;
  private maps?: Map<string, SlicedDecisionMaps>;

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

  /** Answers of the reachability query that name an endpoint or no port, by scope, traffic and endpoint (see reachability.ts). */
  get answers(): Map<string, ScopeReachability> {
    return (this.answersByKey ??= new Map());
  }

  /** Enabled allow rules of one direction. */
  allowRules(direction: TrafficDirection): RuleFacts[] {
    return ((this.allows ??= {})[direction] ??= this.rules.filter((facts) => facts.allow && facts.rule.enabled && facts.direction === direction));
  }

  /** Enabled allow rules of one direction whose remote side may be public. */
  publicAllowRules(direction: TrafficDirection): RuleFacts[] {
    return ((this.publicAllows ??= {})[direction] ??= this.allowRules(direction).filter((facts) => facts.mayBePublic));
  }

  /**
   * The port segments of one direction and (normalised) protocol: the ports every rule of the asset treats alike,
   * whatever its scope. One segment for a protocol without ports.
   */
  segmentsOf(direction: TrafficDirection, protocol: string): readonly PortRange[] {
    if (!hasPorts(protocol)) return ONE_SEGMENT;
    const byProtocol = ((this.segments ??= {})[direction] ??= new Map());
    let segments = byProtocol.get(protocol);
    if (!segments) byProtocol.set(protocol, (segments = portSegments(this.rules.filter((facts) => facts.matchesNormalized(direction, protocol, undefined)))));
    return segments;
  }

  /**
   * The decision maps of one scope, direction and (normalised) protocol: one per part of the traffic the rules single
   * out (see TrafficSlices), a single one when no rule restricts its interface, local address or source ports.
   * `everyPort`: a rule matches on any of its ports (a question about a protocol with ports that names no port).
   */
  decisionMaps(scope: NetworkScope, direction: TrafficDirection, protocol: string, at: Endpoint, everyPort = false): SlicedDecisionMaps {
    // Most questions name no endpoint and a port: their maps are found without building a key.
    const plain = !everyPort && at.appliesTo === undefined && at.local === undefined ? this.trafficState(scope, direction, protocol) : undefined;
    const key = plain ? '' : `${this.scopeIndex(scope)} ${direction} ${protocol} ${at.appliesTo ?? '\0'} ${at.local ?? '\0'}${everyPort ? ' *' : ''}`;
    let found = plain ? plain.maps : this.maps?.get(key);
    if (!found) {
      const withPorts = hasPorts(protocol) && !everyPort;
      const segments = withPorts ? this.segmentsOf(direction, protocol) : ONE_SEGMENT;
      const rules = this.rulesInScope(scope).filter((facts) => facts.matchesNormalized(direction, protocol, undefined));
      // Where no rule cuts the ports, protocols the same rules match share their maps (TCP, UDP and the rest by one
      // rule for all traffic).
      const shared = segments === ONE_SEGMENT ? this.unsegmented(scope, direction, at) : undefined;
      found = shared?.find((entry) => sameFacts(entry.rules, rules))?.maps;
      if (!found) {
        const spans = (facts: RuleFacts) => (withPorts ? segmentSpans(facts, segments) : ALL_OF_ONE_SEGMENT);
        found = new SlicedDecisionMaps(new TrafficSlices(rules, at), segments, spans);
        shared?.push({ rules, maps: found });
      }
      if (plain) plain.maps = found;
      else (this.maps ??= new Map()).set(key, found);
    }
    return found;
  }

  /** The answers of one scope, direction and (normalised) protocol that name no endpoint, a slot per port segment. */
  answersBySegment(scope: NetworkScope, direction: TrafficDirection, protocol: string): (ScopeReachability | undefined)[] {
    return this.trafficState(scope, direction, protocol).answers;
  }

  /** The maps made for one scope, direction and endpoint where no rule cuts the ports, with the rules they were made of. */
  private unsegmented(scope: NetworkScope, direction: TrafficDirection, at: Endpoint): UnsegmentedMaps[] {
    const byPlace = (this.scopeState(scope).unsegmented ??= new Map());
    const key = `${direction} ${at.appliesTo ?? '\0'} ${at.local ?? '\0'}`;
    let found = byPlace.get(key);
    if (!found) byPlace.set(key, (found = []));
    return found;
  }

  /** What is kept of the questions about one scope, direction and (normalised) protocol that name no endpoint. */
  private trafficState(scope: NetworkScope, direction: TrafficDirection, protocol: string): TrafficState {
    const byDirection = this.scopeState(scope);
    const byProtocol = (byDirection[direction] ??= new Map());
    let state = byProtocol.get(protocol);
    if (!state) byProtocol.set(protocol, (state = { answers: [] }));
    return state;
  }

  private scopeState(scope: NetworkScope): ScopeState {
    return (this.scopes[this.scopeIndex(scope) + 1] ??= {});
  }

  /** The enabled rules that can decide anything in a scope, in evaluation order. */
  private rulesInScope(scope: NetworkScope): RuleFacts[] {
    const state = this.scopeState(scope);
    const { asset } = this;
    return (state.rules ??= inEvaluationOrder(asset.semantics, this.rules.filter(({ rule }) => rule.enabled && ruleAppliesInScope(rule, scope, asset.scopes))));
  }

  private scopeIndex(scope: NetworkScope): number {
    const index = this.asset.scopes.indexOf(scope);
    return index >= 0 ? index : -1;
  }
}

/** What the evaluation keeps of one scope. */
interface ScopeState {
  /** The enabled rules that can decide anything in the scope, in evaluation order. */
  rules?: RuleFacts[];
  inbound?: Map<string, TrafficState>;
  outbound?: Map<string, TrafficState>;
  /** See unsegmented(): by direction and endpoint. */
  unsegmented?: Map<string, UnsegmentedMaps[]>;
}

interface UnsegmentedMaps {
  rules: readonly RuleFacts[];
  maps: SlicedDecisionMaps;
}

function sameFacts(a: readonly RuleFacts[], b: readonly RuleFacts[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

/** The maps of questions about one scope, direction and protocol that name no endpoint, and their answers by port segment. */
interface TrafficState {
  maps?: SlicedDecisionMaps;
  answers: (ScopeReachability | undefined)[];
}

const ALL_OF_ONE_SEGMENT: readonly (readonly [number, number])[] = [[0, 0]];

let current: AssetEvaluation | undefined;

export function evaluationOf(asset: NetworkAsset): AssetEvaluation {
  if (current?.asset !== asset) current = new AssetEvaluation(asset);
  return current;
}
