import { quoted } from '../../model/quote.js';
import type { IacValue } from '../iac/value.js';
import { evaluate } from './evaluate.js';
import type { TemplateScope } from './scope.js';
import type { TemplateEntry, TemplateMap, TemplateNode } from './template-node.js';

/** CloudFormation nests loops at most this deep. */
const MAX_DEPTH = 5;
/** More entries than this from the loops of one template is hostile input: CloudFormation allows 500 resources. */
const MAX_ENTRIES = 10_000;
const LOOP = 'Fn::ForEach::';

interface Budget {
  entries: number;
  stopped: boolean;
}
/** The sections where Fn::ForEach may stand, with the properties of resources inside them. */
const SECTIONS = ['Conditions', 'Resources', 'Outputs'];

/**
 * The template with its `Fn::ForEach` loops (the AWS::LanguageExtensions transform) written out, as CloudFormation
 * writes them before anything else: each item of a loop's collection makes the loop's fragment once, with every
 * `${Identifier}` and `&{Identifier}` (its letters and digits only) in keys and values, and every `Ref: Identifier`,
 * replaced by the item. A collection not known from the template makes the fragment once, the identifier unknown.
 * `scope` evaluates the collections: the template's parameters, given values and mappings.
 */
export function withLoopsExpanded(root: TemplateMap, scope: TemplateScope): TemplateMap {
  if (!mentionsLoop(root)) return root;
  const budget: Budget = { entries: 0, stopped: false };
  const entries = new Map(root.entries);
  for (const section of SECTIONS) {
    const entry = root.entries.get(section);
    if (entry?.value.kind === 'map') entries.set(section, { ...entry, value: expanded(entry.value, scope, 0, budget) });
  }
  return { ...root, entries };
}

function mentionsLoop(node: TemplateNode): boolean {
  if (node.kind === 'list') return node.items.some(mentionsLoop);
  if (node.kind === 'map') return [...node.entries].some(([key, entry]) => key.startsWith(LOOP) || mentionsLoop(entry.value));
  return false;
}

/** A node with the loops among its entries, at any depth, written out. */
function expanded(node: TemplateNode, scope: TemplateScope, depth: number, budget: Budget): TemplateNode {
  if (node.kind === 'list') return { ...node, items: node.items.map((item) => expanded(item, scope, depth, budget)) };
  if (node.kind !== 'map') return node;
  const entries = new Map<string, TemplateEntry>();
  const add = (key: string, entry: TemplateEntry) => {
    if (entries.has(key)) scope.invalid(entry.keyLine, `a loop makes the key ${quoted(key, 80)} again — CloudFormation rejects the template; make the keys unique`);
    else entries.set(key, entry);
  };
  for (const [key, entry] of node.entries) {
    if (!key.startsWith(LOOP)) {
      add(key, { ...entry, value: expanded(entry.value, scope, depth, budget) });
      continue;
    }
    for (const [madeKey, made] of loopEntries(key, entry, scope, depth, budget)) add(madeKey, made);
  }
  return { ...node, entries };
}

/** The entries one loop makes, its nested loops written out too. */
function loopEntries(name: string, { keyLine, value }: TemplateEntry, scope: TemplateScope, depth: number, budget: Budget): [string, TemplateEntry][] {
  const [identifierNode, collectionNode, fragment] = value.kind === 'list' ? value.items : [];
  const identifier = identifierNode?.kind === 'scalar' && typeof identifierNode.value === 'string' ? identifierNode.value : undefined;
  if (value.kind !== 'list' || value.items.length !== 3 || identifier === undefined || fragment?.kind !== 'map') {
    scope.invalid(keyLine, `the loop ${quoted(name, 80)} is not [Identifier, Collection, {OutputKey: OutputValue}] — CloudFormation rejects it; fix it`);
    return [];
  }
  if (depth >= MAX_DEPTH) {
    scope.invalid(keyLine, `the loop ${quoted(name, 80)} is nested more than ${MAX_DEPTH} deep — CloudFormation rejects it`);
    return [];
  }
  const items = collectionItems(evaluate(collectionNode, scope));
  if (items === undefined) {
    scope.unsupported(keyLine, `the collection of the loop ${quoted(name, 80)} is not known from the template — its fragment is judged once, with ${quoted(identifier, 40)} unknown; give the collection with --parameter`);
  }
  const made: [string, TemplateEntry][] = [];
  for (const item of items ?? [undefined]) {
    const substitute = item === undefined ? unknownItem(identifier, collectionNode) : knownItem(identifier, item);
    const instance = expanded(substituted(fragment, substitute), scope, depth + 1, budget) as TemplateMap;
    for (const [key, entry] of instance.entries) made.push([key, entry]);
    budget.entries += instance.entries.size;
    if (budget.entries > MAX_ENTRIES) {
      if (!budget.stopped) scope.invalid(keyLine, `the loops make more than ${MAX_ENTRIES} entries — CloudFormation allows 500 resources; the rest of ${quoted(name, 80)} is not judged`);
      budget.stopped = true;
      break;
    }
  }
  return made;
}

/** The items of a known list of scalars, as text; undefined when the collection is not one. */
function collectionItems(collection: IacValue | undefined): string[] | undefined {
  if (collection?.kind !== 'list') return undefined;
  const items: string[] = [];
  for (const item of collection.items) {
    if (item.kind !== 'scalar' || item.value === null) return undefined;
    items.push(String(item.value));
  }
  return items;
}

/**
 * How one item replaces the identifier. A known item is written into keys and texts, and is the value of `Ref`. An
 * unknown item is the collection's first element (unknown, depending on what the collection depends on): a text that
 * names it, or a Fn::Sub whose text does, is that unknown value.
 */
interface Substitute {
  identifier: string;
  known: boolean;
  key(text: string): string;
  text(text: string, line: number): TemplateNode;
  reference(line: number): TemplateNode;
}

function knownItem(identifier: string, item: string): Substitute {
  const written = (text: string) => text.replaceAll(`\${${identifier}}`, item).replaceAll(`&{${identifier}}`, item.replace(/[^A-Za-z0-9]/g, ''));
  return {
    identifier,
    known: true,
    key: written,
    text: (text, line) => ({ kind: 'scalar', value: written(text), line }),
    reference: (line) => ({ kind: 'scalar', value: item, line }),
  };
}

function unknownItem(identifier: string, collection: TemplateNode): Substitute {
  const reference = (line: number): TemplateNode => ({
    kind: 'map',
    entries: new Map([['Fn::Select', { keyLine: line, value: { kind: 'list', items: [{ kind: 'scalar', value: 0, line }, collection], line } }]]),
    line,
  });
  return {
    identifier,
    known: false,
    key: (text) => text.replaceAll(`\${${identifier}}`, '*').replaceAll(`&{${identifier}}`, '*'),
    text: (_, line) => reference(line),
    reference,
  };
}

/** The fragment with the identifier replaced by the item. */
function substituted(node: TemplateNode, substitute: Substitute): TemplateNode {
  const { identifier } = substitute;
  const names = (text: unknown) => typeof text === 'string' && (text.includes(`\${${identifier}}`) || text.includes(`&{${identifier}}`));
  switch (node.kind) {
    case 'scalar':
      return names(node.value) ? substitute.text(node.value as string, node.line) : node;
    case 'list':
      return { ...node, items: node.items.map((item) => substituted(item, substitute)) };
    case 'map': {
      const [only] = node.entries;
      if (node.entries.size === 1 && only[0] === 'Ref' && only[1].value.kind === 'scalar' && only[1].value.value === identifier) return substitute.reference(node.line);
      if (node.entries.size === 1 && only[0] === 'Fn::Sub' && !substitute.known) {
        const argument = only[1].value;
        const template = argument.kind === 'list' ? argument.items[0] : argument;
        if (template?.kind === 'scalar' && names(template.value)) return substitute.reference(node.line);
      }
      const entries = new Map<string, TemplateEntry>();
      for (const [key, each] of node.entries) entries.set(names(key) ? substitute.key(key) : key, { ...each, value: substituted(each.value, substitute) });
      return { ...node, entries };
    }
  }
}
