import { isAlias, isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import { quoted } from '../../model/quote.js';
import { LONG_FORM } from './short-forms.js';
import type { TemplateEntry, TemplateMap, TemplateNode } from './template-node.js';

/** Nesting no template needs (real ones stay under 20); deeper is refused, with aliases expanded. */
export const MAX_DEPTH = 128;
/** Values an alias may copy in all: a few anchors reused are far below it, an alias bomb far above. */
const MAX_ALIASED_VALUES = 100_000;

/** What makes the text unreadable as a template, at a line: reported as 'iac/syntax'. */
export class TemplateSyntaxError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

/**
 * Converts a composed YAML document to template nodes: short forms written out, merge keys (`<<`) merged, aliases
 * copied (within a budget), every value with its line. Throws TemplateSyntaxError.
 */
export function templateNodeOf(root: Node, lines: LineCounter): TemplateNode {
  return new Converter(lines).convert(root, 0);
}

class Converter {
  private readonly anchors = new Map<string, Node>();
  private aliasing = 0;
  private aliased = 0;

  constructor(private readonly lines: LineCounter) {}

  convert(node: Node, depth: number, line = this.lineOf(node)): TemplateNode {
    if (depth > MAX_DEPTH) throw new TemplateSyntaxError(line, `values nest more than ${MAX_DEPTH} levels deep — no template needs that; simplify it`);
    if (this.aliasing > 0 && ++this.aliased > MAX_ALIASED_VALUES) {
      throw new TemplateSyntaxError(line, `YAML aliases copy more than ${MAX_ALIASED_VALUES.toLocaleString('en-US')} values — refused as an alias bomb; write the values out`);
    }
    if (isAlias(node)) return this.copy(node.source, depth, line);
    const converted = this.convertOwn(node, depth, line);
    if (node.anchor && this.aliasing === 0) this.anchors.set(node.anchor, node);
    return converted;
  }

  private convertOwn(node: Node, depth: number, line: number): TemplateNode {
    const longForm = node.tag === undefined ? undefined : LONG_FORM.get(node.tag);
    if (node.tag !== undefined && longForm === undefined && !node.tag.startsWith('tag:yaml.org,2002:')) {
      throw new TemplateSyntaxError(line, `unknown YAML tag ${quoted(node.tag)} — CloudFormation knows its short forms (!Ref, !Sub, …) only`);
    }
    const value = this.convertUntagged(node, depth + (longForm ? 1 : 0), line);
    if (!longForm) return value;
    return { kind: 'map', entries: new Map([[longForm, { keyLine: line, value }]]), line };
  }

  private convertUntagged(node: Node, depth: number, line: number): TemplateNode {
    if (isScalar(node)) {
      const value = node.value;
      if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { kind: 'scalar', value, line };
      return { kind: 'scalar', value: String(node.source ?? value), line };
    }
    if (isSeq(node)) return { kind: 'list', items: node.items.map((item) => this.convert(item as Node, depth + 1)), line };
    if (isMap(node)) {
      const map: TemplateMap = { kind: 'map', entries: new Map(), line };
      const merged: TemplateMap[] = [];
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        const value = pair.value as Node | null;
        const keyLine = key ? this.lineOf(key) : line;
        if (key && isScalar(key) && typeof key.value === 'symbol') {
          if (value) merged.push(...this.mergeSources(value, depth + 1));
          continue;
        }
        const name = this.keyText(key, keyLine);
        if (map.entries.has(name)) throw new TemplateSyntaxError(keyLine, `the key ${quoted(name)} is repeated in one mapping — CloudFormation rejects that; keep one`);
        const converted = value ? this.convert(value, depth + 1) : { kind: 'scalar' as const, value: null, line: keyLine };
        map.entries.set(name, { keyLine, value: converted });
      }
      // Keys written in the mapping win over merged ones, and earlier merge sources over later ones.
      for (const source of merged) {
        for (const [name, entry] of source.entries) if (!map.entries.has(name)) map.entries.set(name, entry as TemplateEntry);
      }
      return map;
    }
    throw new TemplateSyntaxError(line, 'a YAML node of an unknown kind — fix the template');
  }

  private mergeSources(value: Node, depth: number): TemplateMap[] {
    const sources = isSeq(value) && !value.tag ? (value.items as Node[]) : [value];
    return sources.map((source) => {
      const converted = this.convert(source, depth);
      if (converted.kind !== 'map') throw new TemplateSyntaxError(converted.line, 'a merge key (<<) takes a mapping or a list of mappings — fix the template');
      return converted;
    });
  }

  private copy(anchor: string, depth: number, line: number): TemplateNode {
    const target = this.anchors.get(anchor);
    if (!target) throw new TemplateSyntaxError(line, `the alias ${quoted(`*${anchor}`)} names no anchor defined before it — define the anchor first`);
    this.aliasing++;
    try {
      // The copy is where the alias is written; what it copies keeps the lines of the anchor.
      return this.convert(target, depth, line);
    } finally {
      this.aliasing--;
    }
  }

  private keyText(key: Node | null, line: number): string {
    if (key === null) return '';
    if (isAlias(key)) return this.keyText(this.anchors.get(key.source) ?? null, line);
    if (isScalar(key) && key.tag === undefined) {
      const value = key.value;
      if (typeof value === 'string') return value;
      return typeof key.source === 'string' ? key.source : String(value);
    }
    throw new TemplateSyntaxError(line, 'a mapping key that is not a plain string — CloudFormation keys are names; fix the template');
  }

  private lineOf(node: Node): number {
    return this.lines.linePos(node.range?.[0] ?? 0).line;
  }
}
