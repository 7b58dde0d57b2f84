import type { SourceLocation } from '../model/location.js';
import type { AssetEvaluation } from './asset-evaluation.js';
import type { NetworkScope, TrafficDirection } from './model.js';
import { scopesOf } from './reachability.js';
import type { RuleFacts } from './rule-facts.js';
import { denyIsUnconditional } from './traffic.js';

/**
 * Everything an asset's answers for one direction depend on, written as a key: assets with the same key get the same
 * answers but for which of their rules and scopes they name. Left out are what only names things — rule ids and
 * labels, the asset's name, line numbers; kept are which rules and policies share a line (findings are one per line)
 * and, where rules name scopes, the scope names.
 */
export interface Structure {
  /** Empty when the structure cannot repeat: a rule's sources are a set of its own (named sources, several CIDRs). */
  key: string;
  /** The direction's rules in the asset's order, and the scopes, to which answers refer by position. */
  rules: RuleFacts[];
  scopes: NetworkScope[];
}

export function structureOf(evaluation: AssetEvaluation, direction: TrafficDirection): Structure {
  return (evaluation.structures[direction] ??= workedOut(evaluation, direction));
}

function workedOut(evaluation: AssetEvaluation, direction: TrafficDirection): Structure {
  const { asset } = evaluation;
  const rules: RuleFacts[] = [];
  let named = false;
  let repeats = true;
  for (const facts of evaluation.rules) {
    if (facts.rule.direction !== direction) continue;
    rules.push(facts);
    named ||= facts.rule.scopes !== undefined && facts.rule.scopes.length > 0;
    repeats &&= facts.remotes.shared;
  }
  const scopes = scopesOf(asset);
  if (!repeats) return { key: '', rules, scopes };
  const policy = direction === 'inbound' ? 'defaultInbound' : 'defaultOutbound';
  let key = `${direction} ${asset.semantics}`;
  for (const scope of scopes) key += `|${scope.enabled ? 1 : 0}${scope[policy]}${named ? `:${scope.name.toLowerCase()}` : ''}`;
  for (const { rule, allow, protocol, ports, remotes, localKey } of rules) {
    key += `|${rule.enabled ? 1 : 0}${allow ? 'a' : rule.action}${denyIsUnconditional(rule) ? '' : '~'} ${protocol} ${portsText(ports)} ${remotes.serial} ${rule.priority}`;
    if (localKey !== undefined || rule.appliesTo !== undefined || named) key += ` ${localKey ?? ''} ${rule.appliesTo ?? ''} ${rule.scopes?.join(',') ?? ''}`;
  }
  // Which of the places findings point at share a line: the rules', then each scope's state and default lines (each
  // place as the number of the first place on its line).
  const places: SourceLocation[] = [];
  for (const { rule } of rules) places.push(rule.location);
  for (const scope of scopes) places.push(scope.stateLocation ?? asset.location, scope.defaultLocation ?? asset.location);
  key += '|';
  for (const first of firstOnSameLine(places)) key += `${first},`;
  return { key, rules, scopes };
}

/** For each place, the first place on its line. A few places (nearly every asset) are compared pairwise; many, by key. */
function firstOnSameLine(places: readonly SourceLocation[]): number[] {
  const sameLine = (a: SourceLocation, b: SourceLocation) => a === b || (a.line === b.line && a.file === b.file && (a.column ?? 0) === (b.column ?? 0));
  if (places.length <= FEW_PLACES) {
    return places.map((place, index) => {
      for (let earlier = 0; earlier < index; earlier++) if (sameLine(places[earlier], place)) return earlier;
      return index;
    });
  }
  const firstOnLine = new Map<string, number>();
  return places.map(({ file, line, column }, index) => {
    const where = `${line}:${column ?? 0}:${file}`;
    const first = firstOnLine.get(where) ?? index;
    if (first === index) firstOnLine.set(where, index);
    return first;
  });
}

const FEW_PLACES = 32;

function portsText(ports: readonly { from: number; to: number }[]): string {
  let text = '';
  for (const { from, to } of ports) text += `${from}-${to},`;
  return text;
}
