import type { SourceLocation } from '../model/location.js';
import { AddressSet } from './address-set.js';
import type { NetworkAsset, NetworkRule, NetworkScope, TrafficDirection } from './model.js';
import { evaluationOf } from './asset-evaluation.js';
import type { Decider, Decision, ScopeReachability } from './decision.js';
import { reachability } from './reachability.js';
import { policiesMayAllow } from './scopes.js';
import type { RuleFacts } from './rule-facts.js';
import { normalizeProtocol } from './traffic.js';

/** A service to check: 'TCP 22 (SSH)'. */
export interface Service {
  protocol: string;
  port?: number;
  name?: string;
}

/** What one decider lets through for some services, merged over scopes and protocols: one finding, at one line. */
export interface Opening {
  decidedBy: Decider;
  location: SourceLocation;
  scopes: NetworkScope[];
  services: Service[];
  /** The part of the allowed remotes the check cares about (the world, the public addresses). */
  remotes: AddressSet;
  /** Stable identity of the decider and services, without line numbers: 'rule:<id>/tcp/22', 'Public:default/tcp/3389'. */
  key: string;
}

/** Chooses the part of an allow decision worth reporting; empty when none. `answer` is what the scope decides in all. */
export type Selector = (decision: Decision, answer: ScopeReachability) => AddressSet;

/**
 * The whole internet: a decision whose sources cover all public IPv4 or IPv6 addresses (see coversInternet), or,
 * when only the rules together cover it, each decision that adds public addresses of the family they cover (an
 * office's IPv4 range is not part of an opening to the IPv6 internet).
 */
export const worldPart: Selector = (decision, answer) => {
  if (decision.remotes.coversInternet()) return decision.remotes;
  const families = answer.allowed.internetFamilies();
  if (families.length === 0) return AddressSet.EMPTY;
  const part = families.length === 2 ? decision.remotes : decision.remotes.inFamilies(families);
  return part.hasPublicAddress() ? part : AddressSet.EMPTY;
};

/** A decision holding any public address, or a named source that is or may be public (a service tag, a prefix list the input does not show). */
export const publicPart: Selector = (decision) =>
  decision.remotes.hasPublicAddress() || decision.remotes.possiblyPublicNames().length > 0 ? decision.remotes : AddressSet.EMPTY;

/** Everything allowed, private addresses included. */
export const everything: Selector = (decision) => decision.remotes;

/** Selectors that keep nothing but public addresses: services no rule opens to a public address can be skipped. */
const PUBLIC_ONLY = new Set<Selector>([worldPart, publicPart]);

/** Every allow decision for these services that the selector keeps, merged per decider. */
export function openings(asset: NetworkAsset, direction: TrafficDirection, services: readonly Service[], select: Selector, scope?: string): Opening[] {
  const evaluation = evaluationOf(asset);
  const unconditional = policiesMayAllow(asset, direction);
  const allows = PUBLIC_ONLY.has(select) ? evaluation.publicAllowRules(direction) : evaluation.allowRules(direction);
  if (!unconditional && allows.length === 0) return [];
  let collector: OpeningCollector | undefined;
  for (const service of services) {
    if (!unconditional && !mayPass(allows, direction, normalizeProtocol(service.protocol), service.port, select)) continue;
    for (const result of reachability(asset, { direction, protocol: service.protocol, port: service.port, scope })) {
      for (const decision of result.decisions) {
        if (decision.action === 'allow') (collector ??= new OpeningCollector()).add(decision, result.scope, service, select(decision, result));
      }
    }
  }
  return collector ? collector.openings() : [];
}

/**
 * Whether the allow rules can let any of this traffic through that the selector keeps; when the policies deny it,
 * only they can. The whole internet needs allows that cover it; checks ask about many ports an asset never mentions.
 */
function mayPass(allows: readonly RuleFacts[], direction: TrafficDirection, protocol: string, port: number | undefined, select: Selector): boolean {
  let matching = 0;
  for (const facts of allows) {
    if (!facts.matchesNormalized(direction, protocol, port)) continue;
    if (select !== worldPart || facts.remotes.coversInternet()) return true;
    matching++;
  }
  return matching > 1 && togetherCoverInternet(allows, direction, protocol, port);
}

/** Whether the matching rules, none of which covers the internet alone, cover it together: rare, and kept apart. */
function togetherCoverInternet(allows: readonly RuleFacts[], direction: TrafficDirection, protocol: string, port: number | undefined): boolean {
  const together: AddressSet[] = [];
  for (const facts of allows) if (facts.matchesNormalized(direction, protocol, port)) together.push(facts.remotes);
  return AddressSet.mayTogetherCoverInternet(together) && AddressSet.unionOf(together).coversInternet();
}

/**
 * Merges what deciders let through into one opening per line: one input line can stand for several model rules
 * (ufw 'allow 3389' is a TCP and a UDP rule), several scopes can share a default stated once (or not at all), and a
 * finding is per line.
 */
export class OpeningCollector {
  private readonly byLine = new Map<string, CollectedLine>();
  /** The same decider comes back for every service and protocol it decides: found by its location before its line is spelled. */
  private readonly byLocation = new Map<SourceLocation, CollectedLine>();

  add(decision: Decision, scope: NetworkScope, service: Service, remotes: AddressSet): void {
    if (remotes.isEmpty()) return;
    const { decidedBy, location } = decision;
    let known = this.byLocation.get(location);
    if (known?.opening.decidedBy.kind !== decidedBy.kind) {
      const line = `${decidedBy.kind} ${location.line}:${location.column ?? 0}:${location.file}`;
      known = this.byLine.get(line);
      if (!known) this.byLine.set(line, (known = { opening: { decidedBy, location, scopes: [], services: [], remotes: AddressSet.EMPTY, rules: [] }, remotes: [] }));
      this.byLocation.set(location, known);
    }
    const { opening } = known;
    if (decidedBy.kind === 'rule' && !opening.rules.includes(decidedBy.rule)) opening.rules.push(decidedBy.rule);
    if (!opening.scopes.includes(scope)) opening.scopes.push(scope);
    if (!opening.services.some((other) => other.protocol === service.protocol && other.port === service.port)) opening.services.push(service);
    known.remotes.push(remotes);
  }

  /** The openings gathered, in the order their lines were first seen. */
  get collected(): CollectedOpening[] {
    const collected: CollectedOpening[] = [];
    for (const { opening, remotes } of this.byLine.values()) collected.push({ ...opening, remotes: AddressSet.unionOf(remotes) });
    return collected;
  }

  openings(): Opening[] {
    return withKeys(this.collected);
  }
}

interface CollectedLine {
  opening: CollectedOpening;
  remotes: AddressSet[];
}

/** What the collector gathers for one line, before it has a key. */
export type CollectedOpening = Omit<Opening, 'key'> & { rules: NetworkRule[] };

/** The openings with the keys their findings are known by. */
export function withKeys(collected: readonly CollectedOpening[]): Opening[] {
  const used = collected.length > 1 ? new Map<string, number>() : undefined;
  return collected.map(({ decidedBy, location, scopes, services, remotes, rules }) => {
    const decider = decidedBy.kind === 'rule' ? `rule:${rules.length === 1 ? rules[0].id : rules.map((rule) => rule.id).sort().join('+')}` : `${scopes.map((scope) => scope.name).join('+')}:${decidedBy.kind}`;
    const key = `${decider}/${services.length === 1 ? serviceKey(services[0]) : services.map(serviceKey).join(',')}`;
    // Two lines can carry the same rule name (Windows allows duplicate names): keep their findings apart.
    const seen = used?.get(key) ?? 0;
    used?.set(key, seen + 1);
    return { decidedBy, location, scopes, services, remotes, key: seen === 0 ? key : `${key}#${seen + 1}` };
  });
}

function serviceKey(service: Service): string {
  return service.port === undefined ? service.protocol : `${service.protocol}/${service.port}`;
}
