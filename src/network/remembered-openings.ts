import { detached } from '../model/detached.js';
import type { AddressSet } from './address-set.js';
import type { AssetEvaluation } from './asset-evaluation.js';
import type { NetworkAsset, TrafficDirection } from './model.js';
import { withKeys, type CollectedOpening, type Opening, type Service } from './openings.js';
import type { Decider } from './reachability.js';
import { structureOf, type Structure } from './structure.js';

/**
 * The openings a query finds, remembered by the structure of the asset's rules and policies for that direction (see
 * structure.ts): an estate repeats a few rule sets thousands of times — nearly every security group has the same
 * egress rule — so each answer is worked out once and given again, bound to each asset's own rules, scopes and lines.
 * `query` names the question and everything it was asked with.
 */
export function remembered(evaluation: AssetEvaluation, direction: TrafficDirection, query: string, workOut: () => readonly CollectedOpening[]): Opening[] {
  if (!remembering) return withKeys(workOut());
  const structure = structureOf(evaluation, direction);
  if (structure.key === '') return withKeys(workOut());
  // The structure's key is one string per asset, hashed once however many questions are asked of it.
  let byQuery = answers.get(structure.key);
  const known = byQuery?.get(query);
  if (known) return withKeys(each(known, (answer) => bound(answer, structure, evaluation.asset)));
  const collected = workOut();
  if (!byQuery) {
    // Bounded: an estate of ever new structures starts over rather than growing without end. The keys are the rule
    // lists written out, so what they hold is counted too: 10,000 structures of a thousand rules would be gigabytes.
    if (answers.size >= MAX_STRUCTURES || keyCharacters + structure.key.length > MAX_KEY_CHARACTERS) {
      answers.clear();
      keyCharacters = 0;
    }
    answers.set(detached(structure.key), (byQuery = new Map()));
    keyCharacters += structure.key.length;
  }
  byQuery.set(query, each(collected, (opening) => unbound(opening, structure)));
  return withKeys(collected);
}

/** An opening with its rules and scopes given by their place in a Structure. */
interface UnboundOpening {
  decider: Decider['kind'];
  /** The rule or scope that decides. */
  at: number;
  rules: number[];
  scopes: number[];
  services: Service[];
  remotes: AddressSet;
}

/** By structure, then by question. */
const answers = new Map<string, Map<string, UnboundOpening[]>>();
const MAX_STRUCTURES = 10_000;
const MAX_KEY_CHARACTERS = 16 * 1024 * 1024;
let keyCharacters = 0;
let remembering = true;

/** Runs `query` with every answer worked out afresh: what the tests hold remembered answers against. */
export function workedOut<T>(query: () => T): T {
  remembering = false;
  try {
    return query();
  } finally {
    remembering = true;
  }
}

/**
 * Array.prototype.map, but the array is built by push: V8 keeps map's results in another kind of array than pushed
 * ones, and code that meets both kinds at one place is made again — the answers bound here meet the collector's.
 */
function each<T, U>(items: readonly T[], make: (item: T) => U): U[] {
  const made: U[] = [];
  for (const item of items) made.push(make(item));
  return made;
}

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
    rules: each(opening.rules, (at) => rules[at].rule),
    scopes: each(opening.scopes, (at) => scopes[at]),
    services: opening.services,
    remotes: opening.remotes,
  };
}
