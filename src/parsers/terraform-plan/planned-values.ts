import { stringOf, unknown, type IacObject, type IacUnknown, type IacValue } from '../iac/value.js';
import { inModule, mostSpecific, referencedResource, referenceFrom } from './address.js';

/** What an unknown value of one resource instance is said to depend on. */
export interface UnknownContext {
  /** The instance's address. */
  address: string;
  /** The module instance it is in ('' at the root), which its configuration's references are relative to. */
  module: string;
  /** Its configuration's `expressions`, when the plan has them. */
  expressions: IacObject | undefined;
}

/**
 * A path in a value: attribute names, and list indexes; an index `i` written `-(i + 1)` is of a list of several items,
 * which cannot be matched with the configuration's blocks.
 */
type Path = (string | number)[];

/**
 * Nested blocks of the types read. The configuration's `expressions` leave out `dynamic` blocks, so an unknown block
 * the configuration does not show may still be written by the code: it stays unknown.
 */
const BLOCKS = new Set(['ingress', 'egress', 'security_rule', 'allow', 'deny']);

/** More references than any real expression has; keeps a hostile list from costing quadratic time. */
const MAX_REFERENCES = 50;

/**
 * `change.after` with `change.after_unknown` laid over it, in the shape the HCL front end produces: a value known only
 * after apply is an IacUnknown (with the references of the expression that sets it, when the configuration says),
 * and an attribute that is null is left out, as an attribute the code does not set.
 */
export function plannedBody(after: IacObject, afterUnknown: IacValue | undefined, context: UnknownContext): IacObject {
  const body = merge(after, afterUnknown, [], context) as IacObject;
  const { expressions } = context;
  if (expressions) {
    // An attribute the code does not set and the provider computes (id, arn, a GCP firewall's source_ranges, …) is
    // left out, as the HCL front end leaves it out: the mapper applies the provider's default for an unset attribute.
    for (const [key, value] of body.fields) {
      const computed = value.kind === 'unknown' && after.fields.get(key)?.kind !== 'unknown';
      if (computed && !expressions.fields.has(key) && !BLOCKS.has(key)) body.fields.delete(key);
    }
  }
  return body;
}

function merge(after: IacValue | undefined, marks: IacValue | undefined, path: Path, context: UnknownContext): IacValue | undefined {
  if (marks && isUnknownMark(marks)) return unknownAt(after?.line ?? marks.line, path, context);
  if (after === undefined) return marks && holdsUnknown(marks) ? unknownAt(marks.line, path, context) : undefined;
  if (after.kind === 'object') {
    const markFields = marks?.kind === 'object' ? marks.fields : undefined;
    const fields = new Map<string, IacValue>();
    for (const [key, value] of after.fields) {
      const merged = within(path, key, () => merge(value, markFields?.get(key), path, context));
      if (merged !== undefined) fields.set(key, merged);
    }
    if (markFields) {
      for (const [key, mark] of markFields) {
        if (after.fields.has(key)) continue;
        const merged = within(path, key, () => merge(undefined, mark, path, context));
        if (merged !== undefined) fields.set(key, merged);
      }
    }
    return { kind: 'object', fields, line: after.line };
  }
  if (after.kind === 'list') {
    const markItems = marks?.kind === 'list' ? marks.items : undefined;
    // Only a list of one item can be matched with the configuration's one block: sets are reordered by the plan.
    const single = after.items.length === 1;
    const items = after.items.map((item, index) => within(path, single ? index : -(index + 1), () => merge(item, markItems?.[index], path, context)) ?? item);
    return { kind: 'list', items, line: after.line };
  }
  if (after.kind === 'scalar' && after.value === null) return marks && holdsUnknown(marks) ? unknownAt(after.line, path, context) : undefined;
  return after;
}

/** `read()` with `step` on the end of `path`: one path array for the whole walk. */
function within<T>(path: Path, step: string | number, read: () => T): T {
  path.push(step);
  try {
    return read();
  } finally {
    path.pop();
  }
}

/** `true` marks a value unknown; so does a mark too deeply nested to be read. */
function isUnknownMark(mark: IacValue): boolean {
  return (mark.kind === 'scalar' && mark.value === true) || mark.kind === 'unknown';
}

function holdsUnknown(mark: IacValue): boolean {
  if (isUnknownMark(mark)) return true;
  if (mark.kind === 'list') return mark.items.some(holdsUnknown);
  if (mark.kind === 'object') for (const field of mark.fields.values()) if (holdsUnknown(field)) return true;
  return false;
}

function unknownAt(line: number, path: Path, context: UnknownContext): IacUnknown {
  const references = referencesAt(context.expressions, path);
  if (references.length === 0) return unknown(line, [`${context.address}${pathText(path)} (known after apply)`]);
  const dependsOn = mostSpecific(references).map((reference) => `${referenceFrom(context.module, reference)} (known after apply)`);
  const resource = referencedResource(references);
  return unknown(line, dependsOn, resource === undefined ? undefined : inModule(context.module, resource));
}

/**
 * The references of the configuration's expression that sets the value at `path`: `{ "references": [...] }` in
 * `expressions`, where blocks are lists of objects. An expression sets a whole attribute: an item of a list attribute
 * has the references of the list.
 */
function referencesAt(expressions: IacObject | undefined, path: Path): string[] {
  let node: IacValue | undefined = expressions;
  for (const step of path) {
    if (node === undefined) return [];
    if (node !== expressions && isExpression(node)) break;
    if (typeof step === 'string') node = node.kind === 'object' ? node.fields.get(step) : undefined;
    else node = node.kind === 'list' && node.items.length === 1 && step === 0 ? node.items[0] : undefined;
  }
  const listed = node?.kind === 'object' ? node.fields.get('references') : undefined;
  if (listed?.kind !== 'list') return [];
  const references: string[] = [];
  for (const item of listed.items.slice(0, MAX_REFERENCES)) {
    const text = stringOf(item);
    if (text !== undefined) references.push(text);
  }
  return references;
}

function isExpression(node: IacValue): boolean {
  return node.kind === 'object' && (node.fields.has('references') || node.fields.has('constant_value'));
}

function pathText(path: Path): string {
  return path.map((step) => (typeof step === 'string' ? `.${step}` : `[${step < 0 ? -step - 1 : step}]`)).join('');
}

/** Every line of the value set to `line`: the resource was found declared in a .tf file, and its values are judged there. */
export function relocate(value: IacValue, line: number): void {
  value.line = line;
  if (value.kind === 'object') for (const field of value.fields.values()) relocate(field, line);
  else if (value.kind === 'list') for (const item of value.items) relocate(item, line);
}
