/**
 * A template as its text writes it, with lines, before any intrinsic function is evaluated. YAML short forms are
 * already written out as their long form (`!Ref X` is the map `{ Ref: X }`), so evaluation knows one form only.
 */
export type TemplateNode = TemplateScalar | TemplateList | TemplateMap;

export interface TemplateScalar {
  kind: 'scalar';
  value: string | number | boolean | null;
  line: number;
}

export interface TemplateList {
  kind: 'list';
  items: TemplateNode[];
  line: number;
}

export interface TemplateMap {
  kind: 'map';
  entries: Map<string, TemplateEntry>;
  line: number;
}

export interface TemplateEntry {
  /** Where the key is written: a resource is declared on the line of its logical id. */
  keyLine: number;
  value: TemplateNode;
}

export function stringOf(node: TemplateNode | undefined): string | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

export function entryOf(node: TemplateNode | undefined, key: string): TemplateEntry | undefined {
  return node?.kind === 'map' ? node.entries.get(key) : undefined;
}
