import { quoted } from '../../model/quote.js';
import { unknown, type IacUnknown, type IacValue } from '../iac/value.js';
import { evaluate, intrinsicOf } from './evaluate.js';
import type { TemplateScope } from './scope.js';
import type { TemplateMap, TemplateNode } from './template-node.js';
import { cut, hasUnknown, textOf, unknownFrom } from './values.js';

/** Whether a condition holds: known, or unknown with what it depends on. */
export type Truth = boolean | IacUnknown;

/** Conditions referring to conditions past this depth are not followed (a hostile chain could exhaust the stack). */
const MAX_CHAIN = 64;

/** The Conditions section, each condition evaluated once, when first asked for, on the values it reads. */
export class Conditions {
  private readonly known = new Map<string, Truth>();
  private readonly evaluating = new Set<string>();

  constructor(private readonly section: TemplateMap | undefined, private readonly scope: TemplateScope) {}

  /** The named condition; `line` is where it is used. Unknown as `condition <Name>` plus what it depends on. */
  truth(name: string, line: number): Truth {
    const cached = this.known.get(name);
    if (cached !== undefined) return cached;
    const entry = this.section?.entries.get(name);
    if (!entry) {
      this.scope.invalid(line, `the condition ${quoted(name)} is not declared in Conditions — CloudFormation rejects the template; declare it`);
      return unknown(line, [cut(`condition ${name}`)]);
    }
    if (this.evaluating.has(name) || this.evaluating.size >= MAX_CHAIN) {
      this.scope.invalid(entry.keyLine, `the condition ${quoted(name)} refers to itself, or conditions refer to each other too deeply — fix the Conditions section`);
      return unknown(line, [cut(`condition ${name}`)]);
    }
    this.evaluating.add(name);
    let truth: Truth;
    try {
      const inner = this.truthOf(entry.value);
      // The condition's name first, then what it depends on: 'condition IsProd', 'parameter Env'.
      truth = typeof inner === 'boolean' ? inner : unknown(line, [cut(`condition ${name}`), ...inner.dependsOn]);
    } finally {
      this.evaluating.delete(name);
    }
    this.known.set(name, truth);
    return truth;
  }

  /** A condition function: Fn::Equals, Fn::Not, Fn::And, Fn::Or, Condition. */
  truthOf(node: TemplateNode): Truth {
    const call = intrinsicOf(node);
    const argument = call?.argument;
    const items = argument?.kind === 'list' ? argument.items : undefined;
    switch (call?.name) {
      case 'Condition': {
        const name = argument?.kind === 'scalar' && typeof argument.value === 'string' ? argument.value : undefined;
        if (name !== undefined) return this.truth(name, node.line);
        break;
      }
      case 'Fn::Equals':
        if (items?.length === 2) return this.equals(items[0], items[1], node.line);
        break;
      case 'Fn::Not':
        if (items?.length === 1) {
          const inner = this.truthOf(items[0]);
          return typeof inner === 'boolean' ? !inner : inner;
        }
        break;
      case 'Fn::And':
      case 'Fn::Or':
        if (items && items.length >= 1) return this.combine(items, call.name === 'Fn::And', node.line);
        break;
    }
    this.scope.invalid(node.line, 'a condition must be Fn::Equals, Fn::Not, Fn::And, Fn::Or or Condition with their arguments — fix it');
    return unknown(node.line, ['an invalid condition']);
  }

  private equals(left: TemplateNode, right: TemplateNode, line: number): Truth {
    const a = evaluate(left, this.scope);
    const b = evaluate(right, this.scope);
    if (a === undefined || b === undefined) {
      this.scope.invalid(line, 'Fn::Equals compares AWS::NoValue — CloudFormation rejects it; compare values');
      return unknown(line, ['an invalid condition']);
    }
    if (hasUnknown(a) || hasUnknown(b)) return unknownFrom(line, [a, b]);
    return sameText(a, b);
  }

  /** And: false as soon as one is false; Or: true as soon as one is true — whatever the unknown ones are. */
  private combine(items: TemplateNode[], isAnd: boolean, line: number): Truth {
    const unknowns: IacUnknown[] = [];
    for (const item of items) {
      const truth = this.truthOf(item);
      if (typeof truth !== 'boolean') unknowns.push(truth);
      else if (truth !== isAnd) return truth;
    }
    return unknowns.length === 0 ? isAnd : unknownFrom(line, unknowns);
  }
}

/** Fn::Equals compares strings: 22 and "22" are equal. */
function sameText(a: IacValue, b: IacValue): boolean {
  if (a.kind === 'scalar' && b.kind === 'scalar') return textOf(a) === textOf(b);
  if (a.kind === 'list' && b.kind === 'list') return a.items.length === b.items.length && a.items.every((item, index) => sameText(item, b.items[index]));
  if (a.kind === 'object' && b.kind === 'object') {
    if (a.fields.size !== b.fields.size) return false;
    for (const [name, field] of a.fields) {
      const other = b.fields.get(name);
      if (!other || !sameText(field, other)) return false;
    }
    return true;
  }
  return false;
}
