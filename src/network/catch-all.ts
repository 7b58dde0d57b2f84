import { evaluationOf, type AssetEvaluation } from './asset-evaluation.js';
import type { AddressSet } from './address-set.js';
import type { NetworkAsset, TrafficDirection } from './model.js';
import { OpeningCollector, withKeys, worldPart, type CollectedOpening, type Opening, type Service } from './openings.js';
import { policiesMayAllow, reachability, type Decider } from './reachability.js';
import { structureOf, type Structure } from './structure.js';
import { ANY_OTHER_PROTOCOL, OTHER_PROTOCOL, portClasses } from './traffic-classes.js';
import { hasPorts } from './traffic.js';

/**
 * Deciders that open every port to the world: a rule for all ports of TCP or UDP, or for any protocol, whose
 * sources include the whole internet — and, when asked, default policies and switched-off firewalls, which match
 * everything by nature. Earlier rules may carve ports out; what is left is still "everything else, to everyone".
 *
 * Nearly every security group of an estate has the same egress rule: the answer is worked out once per structure
 * (see structure.ts) and given again, bound to each asset's own rules and lines.
 */
export function catchAllOpenings(asset: NetworkAsset, direction: TrafficDirection, includePolicies: boolean): Opening[] {
  const evaluation = evaluationOf(asset);
  const policiesOpen = includePolicies && policiesMayAllow(asset, direction);
  if (!policiesOpen && !evaluation.allowRules(direction).some((facts) => facts.catchAll && facts.mayBePublic)) return [];
  const structure = structureOf(evaluation, direction);
  const key = `${includePolicies ? 'p' : ''}${direction}${structure.key}`;
  const known = answers.get(key);
  if (known) return withKeys(known.map((answer) => bound(answer, structure, asset)));
  const collected = collect(evaluation, direction, includePolicies);
  if (answers.size < MAX_ANSWERS) answers.set(key, collected.map((opening) => unbound(opening, structure)));
  return withKeys(collected);
}

/** The same answer, always worked out: what the remembered answers are tested against. */
export function catchAllOpeningsWorkedOut(asset: NetworkAsset, direction: TrafficDirection, includePolicies: boolean): Opening[] {
  const evaluation = evaluationOf(asset);
  const policiesOpen = includePolicies && policiesMayAllow(asset, direction);
  if (!policiesOpen && !evaluation.allowRules(direction).some((facts) => facts.catchAll && facts.mayBePublic)) return [];
  return withKeys(collect(evaluation, direction, includePolicies));
}

function collect(evaluation: AssetEvaluation, direction: TrafficDirection, includePolicies: boolean): readonly CollectedOpening[] {
  const { asset } = evaluation;
  const collector = new OpeningCollector();
  for (const [protocol, service] of CATCH_ALL_SERVICES) {
    for (const ports of portClasses(asset, direction, protocol)) {
      for (const result of reachability(asset, { direction, protocol, port: hasPorts(protocol) ? ports.from : undefined })) {
        const allowed = result.allowed;
        for (const decision of result.decisions) {
          if (decision.action === 'allow' && isCatchAll(evaluation, decision.decidedBy, includePolicies)) collector.add(decision, result.scope, service, worldPart(decision, allowed));
        }
      }
    }
  }
  return collector.collected;
}

/** The protocols a catch-all is asked about, and how findings name each. */
const CATCH_ALL_SERVICES: readonly [string, Service][] = [['tcp', { protocol: 'tcp' }], ['udp', { protocol: 'udp' }], [OTHER_PROTOCOL, { protocol: ANY_OTHER_PROTOCOL }]];

function isCatchAll(evaluation: AssetEvaluation, decider: Decider, includePolicies: boolean): boolean {
  return decider.kind === 'rule' ? evaluation.factsOf(decider.rule).catchAll : includePolicies;
}

/** An opening with its rules and scopes given by their place in a Structure. */
interface UnboundOpening {
  decider: 'rule' | 'default' | 'firewall-off';
  /** The rule or scope that decides. */
  at: number;
  rules: number[];
  scopes: number[];
  services: Service[];
  remotes: AddressSet;
}

const answers = new Map<string, UnboundOpening[]>();
const MAX_ANSWERS = 10_000;

function unbound(opening: CollectedOpening, structure: Structure): UnboundOpening {
  const { decidedBy } = opening;
  const ruleAt = (rule: unknown) => structure.rules.findIndex((facts) => facts.rule === rule);
  return {
    decider: decidedBy.kind,
    at: decidedBy.kind === 'rule' ? ruleAt(decidedBy.rule) : structure.scopes.indexOf(decidedBy.scope),
    rules: opening.rules.map(ruleAt),
    scopes: opening.scopes.map((scope) => structure.scopes.indexOf(scope)),
    services: opening.services,
    remotes: opening.remotes,
  };
}

function bound(opening: UnboundOpening, structure: Structure, asset: NetworkAsset): CollectedOpening {
  const { rules, scopes } = structure;
  const scope = scopes[opening.at];
  const decidedBy: Decider = opening.decider === 'rule' ? { kind: 'rule', rule: rules[opening.at].rule } : { kind: opening.decider, scope };
  const location = decidedBy.kind === 'rule' ? decidedBy.rule.location : ((decidedBy.kind === 'default' ? scope.defaultLocation : scope.stateLocation) ?? asset.location);
  return {
    decidedBy,
    location,
    rules: opening.rules.map((at) => rules[at].rule),
    scopes: opening.scopes.map((at) => scopes[at]),
    services: opening.services,
    remotes: opening.remotes,
  };
}
