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
  /** Answers of the reachability query that name an endpoint or no port, by scope, traffic and endpoint (see reachability.ts). */
  readonly answers = new Map<string, ScopeReachability>();
  /** Answers of the reachability query for one port segment and no endpoint: by scope, direction and protocol, a slot per segment. */
  private readonly segmentAnswers = new Map<NetworkScope, Record<TrafficDirection, Map<string, (ScopeReachability | undefined)[]>>>();
  private byRule?: Map<NetworkRule, RuleFacts>;
  private readonly allows: Partial<Record<TrafficDirection, RuleFacts[]>> = {};
  private readonly publicAllows: Partial<Record<TrafficDirection, RuleFacts[]>> = {};
  private readonly inScope = new Map<NetworkScope, RuleFacts[]>();
  private readonly segments = new Map<string, readonly PortRange[]>();
  private readonly maps = new Map<string, SlicedDecisionMaps>();
  /** The maps of questions that name no endpoint, by scope, direction and protocol. */
  private readonly plainMaps = new Map<NetworkScope, Record<TrafficDirection, Map<string, SlicedDecisionMaps>>>();

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

  /**
   * The port segments of one direction and (normalised) protocol: the ports every rule of the asset treats alike,
   * whatever its scope. One segment for a protocol without ports.
   */
  segmentsOf(direction: TrafficDirection, protocol: string): readonly PortRange[] {
    if (!hasPorts(protocol)) return ONE_SEGMENT;
    const key = `${direction} ${protocol}`;
    let segments = this.segments.get(key);
    if (!segments) this.segments.set(key, (segments = portSegments(this.rules.filter((facts) => facts.matchesNormalized(direction, protocol, undefined)))));
    return segments;
  }

  /**
   * The decision maps of one scope, direction and (normalised) protocol: one per part of the traffic the rules single
   * out (see TrafficSlices), a single one when no rule restricts its interface, local address or source ports.
   * `everyPort`: a rule matches on any of its ports (a question about a protocol with ports that names no port).
   */
  decisionMaps(scope: NetworkScope, direction: TrafficDirection, protocol: string, at: Endpoint, everyPort = false): SlicedDecisionMaps {
    // Most questions name no endpoint and a port: their maps are found without building a key.
    const plain = !everyPort && at.appliesTo === undefined && at.local === undefined;
    const byProtocol = plain ? this.plainMapsOf(scope, direction) : undefined;
    const key = plain ? '' : `${this.scopeIndex(scope)} ${direction} ${protocol} ${at.appliesTo ?? '\0'} ${at.local ?? '\0'}${everyPort ? ' *' : ''}`;
    let maps = byProtocol ? byProtocol.get(protocol) : this.maps.get(key);
    if (!maps) {
      const withPorts = hasPorts(protocol) && !everyPort;
      const segments = withPorts ? this.segmentsOf(direction, protocol) : ONE_SEGMENT;
      const rules = this.rulesInScope(scope).filter((facts) => facts.matchesNormalized(direction, protocol, undefined));
      // Where no rule cuts the ports, protocols the same rules match share their maps (TCP, UDP and the rest by one
      // rule for all traffic).
      const sameRules = segments === ONE_SEGMENT ? `${this.scopeIndex(scope)} ${direction} ${at.appliesTo ?? '\0'} ${at.local ?? '\0'} ${rules.map((facts) => facts.index).join(',')}` : undefined;
      maps = sameRules === undefined ? undefined : this.maps.get(sameRules);
      if (!maps) {
        const spans = (facts: RuleFacts) => (withPorts ? segmentSpans(facts, segments) : ALL_OF_ONE_SEGMENT);
        maps = new SlicedDecisionMaps(new TrafficSlices(rules, at), segments, spans);
        if (sameRules !== undefined) this.maps.set(sameRules, maps);
      }
      if (byProtocol) byProtocol.set(protocol, maps);
      else this.maps.set(key, maps);
    }
    return maps;
  }

  private plainMapsOf(scope: NetworkScope, direction: TrafficDirection): Map<string, SlicedDecisionMaps> {
    let byDirection = this.plainMaps.get(scope);
    if (!byDirection) this.plainMaps.set(scope, (byDirection = { inbound: new Map(), outbound: new Map() }));
    return byDirection[direction];
  }

  /** The answers of one scope, direction and (normalised) protocol that name no endpoint, a slot per port segment. */
  answersBySegment(scope: NetworkScope, direction: TrafficDirection, protocol: string): (ScopeReachability | undefined)[] {
    let byDirection = this.segmentAnswers.get(scope);
    if (!byDirection) this.segmentAnswers.set(scope, (byDirection = { inbound: new Map(), outbound: new Map() }));
    const byProtocol = byDirection[direction];
    let answers = byProtocol.get(protocol);
    if (!answers) byProtocol.set(protocol, (answers = []));
    return answers;
  }

  /** The enabled rules that can decide anything in a scope, in evaluation order. */
  private rulesInScope(scope: NetworkScope): RuleFacts[] {
    let rules = this.inScope.get(scope);
    if (!rules) {
      const { asset } = this;
      this.inScope.set(scope, (rules = inEvaluationOrder(asset.semantics, this.rules.filter(({ rule }) => rule.enabled && ruleAppliesInScope(rule, scope, asset.scopes)))));
    }
    return rules;
  }

  private scopeIndex(scope: NetworkScope): number {
    const index = this.asset.scopes.indexOf(scope);
    return index >= 0 ? index : -1;
  }
}

const ALL_OF_ONE_SEGMENT: readonly (readonly [number, number])[] = [[0, 0]];

let current: AssetEvaluation | undefined;

export function evaluationOf(asset: NetworkAsset): AssetEvaluation {
  if (current?.asset !== asset) current = new AssetEvaluation(asset);
  return current;
}
