import { scalar, type IacValue } from '../iac/value.js';
import type { ArmFunction, CallSite } from './call-site.js';
import { arity, strict } from './function-helpers.js';
import { booleanOf, mergedUnknown, numberOf, textOf, valuesEqual } from './values.js';

/** Logical, comparison and numeric functions of ARM templates. */
export const LOGIC_FUNCTIONS: Record<string, ArmFunction> = {
  true: (args, call) => arity(args, call, 0) ?? scalar(true, call.line),
  false: (args, call) => arity(args, call, 0) ?? scalar(false, call.line),
  null: (args, call) => arity(args, call, 0) ?? scalar(null, call.line),
  // Only the branch the condition picks is evaluated, as ARM does: the other may be invalid for this deployment.
  if: (args, call) => {
    const invalid = arity(args, call, 3);
    if (invalid) return invalid;
    const condition = args[0].value();
    if (condition.kind === 'unknown') return mergedUnknown(call.line, [condition]);
    const chosen = booleanOf(condition);
    if (chosen === undefined) return call.invalid('the condition is not a boolean');
    return args[chosen ? 1 : 2].value();
  },
  equals: (args, call) => arity(args, call, 2) ?? strict(args, call, ([a, b]) => {
    const same = valuesEqual(a, b);
    return same === undefined ? mergedUnknown(call.line, [a, b]) : scalar(same, call.line);
  }),
  not: (args, call) => arity(args, call, 1) ?? strict(args, call, ([value]) => {
    const known = booleanOf(value);
    return known === undefined ? call.invalid('takes a boolean') : scalar(!known, call.line);
  }),
  and: (args, call) => junction(args, call, false),
  or: (args, call) => junction(args, call, true),
  bool: (args, call) => arity(args, call, 1) ?? strict(args, call, ([value]) => {
    const number = typeof (value.kind === 'scalar' && value.value) === 'number' ? numberOf(value) : undefined;
    const known = number !== undefined ? number !== 0 : booleanOf(value);
    return known === undefined ? call.invalid('takes true, false, 0 or 1') : scalar(known, call.line);
  }),
  int: (args, call) => arity(args, call, 1) ?? strict(args, call, ([value]) => {
    const number = numberOf(value);
    return number === undefined ? call.invalid('takes a whole number or its text') : scalar(Math.trunc(number), call.line);
  }),
  greater: (args, call) => compare(args, call, (order) => order > 0),
  greaterorequals: (args, call) => compare(args, call, (order) => order >= 0),
  less: (args, call) => compare(args, call, (order) => order < 0),
  lessorequals: (args, call) => compare(args, call, (order) => order <= 0),
  add: (args, call) => arithmetic(args, call, (a, b) => a + b),
  sub: (args, call) => arithmetic(args, call, (a, b) => a - b),
  mul: (args, call) => arithmetic(args, call, (a, b) => a * b),
  div: (args, call) => arithmetic(args, call, (a, b) => (b === 0 ? undefined : Math.trunc(a / b))),
  mod: (args, call) => arithmetic(args, call, (a, b) => (b === 0 ? undefined : a % b)),
};

/** and() / or(): a deciding value (false for and, true for or) decides even when other operands are unknown. */
function junction(args: Parameters<ArmFunction>[0], call: CallSite, decider: boolean): IacValue {
  if (args.length < 2) return call.invalid('takes at least two booleans');
  const unknowns: IacValue[] = [];
  for (const argument of args) {
    const value = argument.value();
    if (value.kind === 'unknown') {
      unknowns.push(value);
      continue;
    }
    const known = booleanOf(value);
    if (known === undefined) return call.invalid('takes booleans');
    if (known === decider) return scalar(decider, call.line);
  }
  return unknowns.length > 0 ? mergedUnknown(call.line, unknowns) : scalar(!decider, call.line);
}

function compare(args: Parameters<ArmFunction>[0], call: CallSite, test: (order: number) => boolean): IacValue {
  return arity(args, call, 2) ?? strict(args, call, ([a, b]) => {
    const [x, y] = [numberOf(a), numberOf(b)];
    if (x !== undefined && y !== undefined && typeof (a.kind === 'scalar' && a.value) === 'number') return scalar(test(x - y), call.line);
    const [s, t] = [textOf(a), textOf(b)];
    if (s !== undefined && t !== undefined) return scalar(test(s < t ? -1 : s > t ? 1 : 0), call.line);
    if (x !== undefined && y !== undefined) return scalar(test(x - y), call.line);
    return call.invalid('compares two numbers or two texts');
  });
}

function arithmetic(args: Parameters<ArmFunction>[0], call: CallSite, body: (a: number, b: number) => number | undefined): IacValue {
  return arity(args, call, 2) ?? strict(args, call, ([a, b]) => {
    const [x, y] = [numberOf(a), numberOf(b)];
    const result = x === undefined || y === undefined ? undefined : body(x, y);
    return result === undefined || !Number.isFinite(result) ? call.invalid('takes two whole numbers (and no division by zero)') : scalar(result, call.line);
  });
}
