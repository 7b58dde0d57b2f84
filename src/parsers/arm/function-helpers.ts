import { scalar, type IacValue } from '../iac/value.js';
import type { Argument, CallSite } from './call-site.js';
import { MAX_LIST_LENGTH, MAX_TEXT_LENGTH } from './limits.js';
import { list, unknownAmong } from './values.js';

/** Evaluates every argument; when one is unknown, so is the result (their dependsOn together). */
export function strict(args: Argument[], call: CallSite, body: (values: IacValue[]) => IacValue): IacValue {
  const values = args.map((argument) => argument.value());
  return unknownAmong(call.line, values) ?? body(values);
}

/** Text a function built, unless it is longer than Parapet keeps. */
export function text(value: string, call: CallSite): IacValue {
  if (value.length > MAX_TEXT_LENGTH) {
    call.report('iac/unsupported', `${call.name}() builds a text of more than ${MAX_TEXT_LENGTH} characters — judged as unknown; simplify the template`, 'warning');
    return call.unknownCall();
  }
  return scalar(value, call.line);
}

/** A list a function built, unless it has more items than Parapet keeps. */
export function builtList(items: IacValue[], call: CallSite): IacValue {
  if (items.length > MAX_LIST_LENGTH) {
    call.report('iac/unsupported', `${call.name}() builds a list of more than ${MAX_LIST_LENGTH} items — judged as unknown; simplify the template`, 'warning');
    return call.unknownCall();
  }
  call.scope.state.count(items.length);
  return list(items, call.line);
}

export function arity(args: Argument[], call: CallSite, min: number, max = min): IacValue | undefined {
  if (args.length < min || args.length > max) {
    return call.invalid(min === max ? `takes ${min} argument${min === 1 ? '' : 's'}, not ${args.length}` : `takes ${min} to ${max === Infinity ? 'any number of' : max} arguments, not ${args.length}`);
  }
  return undefined;
}
