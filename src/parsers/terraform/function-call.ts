import type { CallFiles } from './code-files.js';
import { scalar, type IacList, type IacObject, type IacValue } from '../iac/value.js';
import { asText, EvaluationError, list, OverBudget, unknownOf, unknownsIn } from './values.js';

/** A call of a Terraform function; arguments are evaluated when read, so that `try` and `can` see their errors. */
export interface FunctionCall {
  name: string;
  line: number;
  count: number;
  argument(index: number): IacValue;
  charge(steps: number): void;
  /** The files the module's code may read, or undefined where none are read (a module given as text alone). */
  readonly files: CallFiles | undefined;
}

/** No function makes a list or a string longer than this from a module's code: longer is hostile input. */
export const MAX_ITEMS = 10_000;
export const MAX_TEXT = 1 << 20;

export type Implementation = (call: FunctionCall) => IacValue;

/** All arguments, wholly known, or the unknown they make. */
export function known(call: FunctionCall, body: (args: IacValue[]) => IacValue): IacValue {
  const args = Array.from({ length: call.count }, (_, index) => call.argument(index));
  const unknowns = args.flatMap((value) => unknownsIn(value));
  return unknowns.length > 0 ? unknownOf(call.line, unknowns) : body(args);
}

/** Arguments that must be known themselves, though what they hold may be unknown (a list's items). */
export function shallow(call: FunctionCall, body: (args: IacValue[]) => IacValue): IacValue {
  const args = Array.from({ length: call.count }, (_, index) => call.argument(index));
  const unknowns = args.filter((value) => value.kind === 'unknown');
  return unknowns.length > 0 ? unknownOf(call.line, unknowns) : body(args);
}

export function arity(call: FunctionCall, min: number, max = min): void {
  if (call.count < min || call.count > max) throw new EvaluationError(`${call.name}() takes ${min === max ? min : `${min} to ${max}`} arguments, not ${call.count}`);
}

export function asList(value: IacValue): IacValue[] {
  if (value.kind === 'list') return value.items;
  throw new EvaluationError(`expected a list, found ${value.kind}`);
}

export function asMap(value: IacValue): IacObject {
  if (value.kind === 'object') return value;
  throw new EvaluationError(`expected a map or object, found ${value.kind}`);
}

export function sized(items: IacValue[], line: number, call: FunctionCall): IacList {
  if (items.length > MAX_ITEMS) throw new OverBudget(`${call.name}() makes a list of more than ${MAX_ITEMS} items`);
  call.charge(items.length);
  return list(items, line);
}

export function text(value: string, line: number, call: FunctionCall): IacValue {
  if (value.length > MAX_TEXT) throw new OverBudget(`${call.name}() makes a string longer than ${MAX_TEXT} characters`);
  call.charge(value.length >> 6);
  return scalar(value, line);
}

/** A function of one string that gives a string. */
export const stringFunction = (transform: (value: string) => string): Implementation => (call) => {
  arity(call, 1);
  return known(call, ([value]) => text(transform(asText(value)), call.line, call));
};
