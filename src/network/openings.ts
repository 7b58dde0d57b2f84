import type { SourceLocation } from '../model/location.js';
import { AddressSet } from './address-set.js';
import type { NetworkAsset, NetworkRule, NetworkScope, TrafficDirection } from './model.js';
import { allowedRemotes, mayAllow, reachability, type Decider, type Decision, type ScopeReachability } from './reachability.js';
import { portClasses } from './traffic-classes.js';

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

/** Chooses the part of an allow decision worth reporting; empty when none. `allowed` is everything the scope allows. */
export type Selector = (decision: Decision, allowed: AddressSet) => AddressSet;

/**
 * The whole internet: a decision whose sources cover all public IPv4 or IPv6 addresses (see coversInternet), or,
 * when only the rules together cover it, each decision that adds public addresses.
 */
export const worldPart: Selector = (decision, allowed) => {
  if (decision.remotes.coversInternet()) return decision.remotes;
  return allowed.coversInternet() && decision.remotes.hasPublicAddress() ? decision.remotes : AddressSet.EMPTY;
};

/** A decision holding any public address, or a named source that is or may be public (a service tag, a prefix list the input does not show). */
export const publicPart: Selector = (decision) =>
  decision.remotes.hasPublicAddress() || decision.remotes.possiblyPublicNames().length > 0 ? decision.remotes : AddressSet.EMPTY;

/** Everything allowed, private addresses included. */
export const everything: Selector = (decision) => decision.remotes;

/** Selectors that keep nothing but public addresses: services no rule opens to a public address can be skipped. */
const PUBLIC_ONLY = new Set<Selector>([worldPart, publicPart]);

function classOf(asset: NetworkAsset, direction: TrafficDirection, service: Service): number {
  if (service.port === undefined) return -1;
  const classes = portClasses(asset, direction, service.protocol);
  return classes.findIndex((range) => service.port! >= range.from && service.port! <= range.to);
}

/** Every allow decision for these services that the selector keeps, merged per decider. */
export function openings(asset: NetworkAsset, direction: TrafficDirection, services: readonly Service[], select: Selector, scope?: string): Opening[] {
  const collector = new OpeningCollector();
  const classes = new Map<string, ScopeReachability[]>();
  for (const service of services) {
    const traffic = { direction, protocol: service.protocol, port: service.port };
    if (!mayAllow(asset, traffic, PUBLIC_ONLY.has(select))) continue;
    // Every port of a class is decided alike: evaluate one port per class, however many services fall in it.
    const classKey = `${service.protocol}/${classOf(asset, direction, service)}`;
    let results = classes.get(classKey);
    if (!results) classes.set(classKey, (results = reachability(asset, { ...traffic, scope })));
    for (const result of results) {
      const allowed = allowedRemotes(result);
      for (const decision of result.decisions) {
        if (decision.action === 'allow') collector.add(decision, result.scope, service, select(decision, allowed));
      }
    }
  }
  return collector.openings();
}

/**
 * Merges what deciders let through into one opening per line: one input line can stand for several model rules
 * (ufw 'allow 3389' is a TCP and a UDP rule), several scopes can share a default stated once (or not at all), and a
 * finding is per line.
 */
export class OpeningCollector {
  private readonly byLine = new Map<string, Omit<Opening, 'key'> & { rules: Set<NetworkRule> }>();

  add(decision: Decision, scope: NetworkScope, service: Service, remotes: AddressSet): void {
    if (remotes.isEmpty()) return;
    const { decidedBy, location } = decision;
    const line = `${decidedBy.kind}@${location.file}:${location.line}:${location.column ?? 0}`;
    const opening = this.byLine.get(line) ?? { decidedBy, location, scopes: [], services: [], remotes: AddressSet.EMPTY, rules: new Set() };
    if (decidedBy.kind === 'rule') opening.rules.add(decidedBy.rule);
    if (!opening.scopes.includes(scope)) opening.scopes.push(scope);
    if (!opening.services.some((known) => known.protocol === service.protocol && known.port === service.port)) opening.services.push(service);
    opening.remotes = opening.remotes.union(remotes);
    this.byLine.set(line, opening);
  }

  openings(): Opening[] {
    const used = new Map<string, number>();
    return [...this.byLine.values()].map(({ rules, ...opening }) => {
      const decider = opening.decidedBy.kind === 'rule' ? `rule:${[...rules].map((rule) => rule.id).sort().join('+')}` : `${opening.scopes.map((scope) => scope.name).join('+')}:${opening.decidedBy.kind}`;
      const key = `${decider}/${opening.services.map(serviceKey).join(',')}`;
      // Two lines can carry the same rule name (Windows allows duplicate names): keep their findings apart.
      const seen = used.get(key) ?? 0;
      used.set(key, seen + 1);
      return { ...opening, key: seen === 0 ? key : `${key}#${seen + 1}` };
    });
  }
}

function serviceKey(service: Service): string {
  return service.port === undefined ? service.protocol : `${service.protocol}/${service.port}`;
}
