import { scalar, unknown, type IacObject, type IacValue } from '../iac/value.js';
import type { Evaluator, Frame } from './evaluate.js';
import type { Block, Body, Expression } from './syntax.js';
import { entries, EvaluationError, list, numberText, object, OverBudget, unknownOf } from './values.js';
import { shown } from '../../model/quote.js';

/** At most this many instances of one resource (count, for_each) or blocks of one dynamic block: beyond is hostile input. */
export const MAX_INSTANCES = 1000;

/** Meta-arguments and blocks Terraform itself reads: not part of the resource's body. */
const META_ATTRIBUTES = new Set(['count', 'for_each', 'provider', 'depends_on']);
const META_BLOCKS = new Set(['lifecycle', 'provisioner', 'connection']);

/** One instance of a resource: the text after its address (`[0]`, `["a"]`, `[*]` when unknown) and its frame. */
export interface Instance {
  key: string;
  frame: Frame;
}

/** What went wrong while evaluating, for the module to report: Terraform would reject it, or Parapet stopped. */
export interface EvaluationIssue {
  line: number;
  message: string;
  budget: boolean;
}

export class BodyEvaluator {
  constructor(
    private readonly evaluator: Evaluator,
    private readonly report: (issue: EvaluationIssue) => void,
  ) {}

  /** The instances `count` or `for_each` make; an unknown or too large count makes ONE instance whose index is unknown. */
  instances(body: Body): Instance[] {
    const count = body.attributes.find((attribute) => attribute.name === 'count');
    const forEach = body.attributes.find((attribute) => attribute.name === 'for_each');
    if (count) {
      const value = this.value(count.value, new Map(), 'count');
      if (value.kind === 'scalar' && typeof value.value === 'number' && Number.isInteger(value.value) && value.value >= 0) {
        if (value.value <= MAX_INSTANCES) return Array.from({ length: value.value }, (_, index) => ({ key: `[${index}]`, frame: new Map([['count', object(new Map([['index', scalar(index, count.line)]]), count.line)]]) }));
        this.tooMany(count.line, 'count');
      }
      const index = unknown(count.line, value.kind === 'unknown' ? value.dependsOn : ['count']);
      return [{ key: '[*]', frame: new Map([['count', object(new Map([['index', index]]), count.line)]]) }];
    }
    if (forEach) {
      const value = this.value(forEach.value, new Map(), 'for_each');
      const known = this.eachOf(value, forEach.line, 'for_each', false);
      return known.map(([key, each]) => ({ key: key.kind === 'scalar' ? `[${JSON.stringify(typeof key.value === 'number' ? numberText(key.value) : String(key.value))}]` : '[*]', frame: new Map([['each', each]]) }));
    }
    return [{ key: '', frame: new Map() }];
  }

  /**
   * The elements a for_each iterates over, as `{ key, value }` objects. A set's key is its value. An unknown or too
   * large collection makes ONE element whose key and value are unknown (what the collection depends on).
   */
  private eachOf(value: IacValue, line: number, what: string, dynamic: boolean): [IacValue, IacObject][] {
    if (value.kind === 'list' || value.kind === 'object') {
      const found = entries(value);
      // A resource's for_each takes a map or a set of strings (its keys); a dynamic block's iterates a list by index.
      const keyedByValue = value.kind === 'list' && !dynamic;
      if (found.length > MAX_INSTANCES) this.tooMany(line, what);
      else if (!keyedByValue || found.every(([, item]) => item.kind === 'scalar')) {
        return found.map(([key, item]) => [keyedByValue ? item : key, object(new Map([['key', keyedByValue ? item : key], ['value', item]]), line)]);
      }
    }
    const dependsOn = value.kind === 'unknown' ? value.dependsOn : unknownOf(line, value.kind === 'list' ? value.items.filter((item) => item.kind === 'unknown') as never : []).dependsOn;
    const stand = unknown(line, dependsOn.length > 0 ? dependsOn : [what], value.kind === 'unknown' ? value.resource : undefined);
    return [[stand, object(new Map([['key', stand], ['value', stand]]), line)]];
  }

  private tooMany(line: number, what: string): void {
    this.report({ line, message: `${what} makes more than ${MAX_INSTANCES} instances — judged as one instance of unknown values`, budget: false });
  }

  /** A block's body as an object: attributes, nested blocks (repeated ones as a list), dynamic blocks expanded. */
  body(body: Body, frame: Frame, line: number, depth = 0): IacObject {
    const fields = new Map<string, IacValue>();
    for (const attribute of body.attributes) {
      if (depth === 0 && META_ATTRIBUTES.has(attribute.name)) continue;
      fields.set(attribute.name, this.value(attribute.value, frame, attribute.name));
    }
    const blocks = new Map<string, IacObject[]>();
    const add = (name: string, value: IacObject): void => {
      const group = blocks.get(name);
      if (group) group.push(value);
      else blocks.set(name, [value]);
    };
    for (const block of body.blocks) {
      if (depth === 0 && META_BLOCKS.has(block.type)) continue;
      if (block.type === 'dynamic' && block.labels.length > 0) for (const each of this.dynamic(block, frame, depth)) add(block.labels[0], each);
      else add(block.type, this.body(block.body, frame, block.line, depth + 1));
    }
    for (const [name, group] of blocks) fields.set(name, group.length === 1 ? group[0] : list(group, group[0].line));
    return object(fields, line);
  }

  /** `dynamic "ingress" { for_each = …; iterator = …; content { … } }`: one block per element. */
  private dynamic(block: Block, frame: Frame, depth: number): IacObject[] {
    const forEach = block.body.attributes.find((attribute) => attribute.name === 'for_each');
    const iterator = block.body.attributes.find((attribute) => attribute.name === 'iterator');
    const content = block.body.blocks.find((inner) => inner.type === 'content');
    if (!forEach || !content) return [];
    const name = iterator?.value.type === 'variable' ? iterator.value.name : iterator?.value.type === 'literal' ? String(iterator.value.value) : block.labels[0];
    const collection = this.value(forEach.value, frame, 'for_each');
    return this.eachOf(collection, block.line, 'dynamic for_each', true).map(([, each]) => this.body(content.body, new Map([...frame, [name, each]]), block.line, depth + 1));
  }

  /** An expression's value; what Terraform would reject, or what Parapet stopped evaluating, is unknown and reported. */
  value(expression: Expression, frame: Frame, name: string): IacValue {
    try {
      return this.evaluator.evaluate(expression, frame);
    } catch (error) {
      if (error instanceof OverBudget) this.report({ line: expression.line, message: `${error.message} — evaluation stopped, the values are judged unknown`, budget: true });
      else if (error instanceof EvaluationError) this.report({ line: expression.line, message: `${shown(name, 60)}: ${shown(error.message, 200)} — judged as unknown`, budget: false });
      else throw error;
      return unknown(expression.line, [name]);
    }
  }
}
