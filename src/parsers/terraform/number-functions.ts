import { scalar } from '../iac/value.js';
import { arity, known, type Implementation } from './function-call.js';
import { asNumber, asText, EvaluationError } from './values.js';

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Terraform's number functions beyond min, max, abs, floor and ceil, each as `terraform console` gives it. */
export const NUMBER_FUNCTIONS: Record<string, Implementation> = {
  parseint: (call) => {
    arity(call, 2);
    return known(call, ([value, base]) => scalar(parseInteger(asText(value), asNumber(base)), call.line));
  },
  pow: (call) => {
    arity(call, 2);
    return known(call, ([base, exponent]) => scalar(finite(Math.pow(asNumber(base), asNumber(exponent)), 'pow'), call.line));
  },
  log: (call) => {
    arity(call, 2);
    return known(call, ([value, base]) => scalar(finite(Math.log(asNumber(value)) / Math.log(asNumber(base)), 'log'), call.line));
  },
  signum: (call) => {
    arity(call, 1);
    return known(call, ([value]) => {
      const number = asNumber(value);
      if (!Number.isInteger(number)) throw new EvaluationError('signum() of a number that is not whole');
      return scalar(Math.sign(number) || 0, call.line);
    });
  },
};

/** A whole number written in `base` (2 to 62: digits, then lower-case letters, then upper-case above 36), as Go reads it. */
function parseInteger(text: string, base: number): number {
  if (!Number.isInteger(base) || base < 2 || base > 62) throw new EvaluationError('parseint() of a base that is not from 2 to 62');
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.replace(/^[-+]/, '');
  if (digits === '' || digits.length > 1000) throw new EvaluationError('parseint() of text that is not a number');
  let value = 0n;
  for (const digit of digits) {
    const at = DIGITS.indexOf(base <= 36 ? digit.toLowerCase() : digit);
    if (at < 0 || at >= base) throw new EvaluationError(`parseint() of text that is not a number in base ${base}`);
    value = value * BigInt(base) + BigInt(at);
  }
  return sign * Number(value) || 0;
}

/** Terraform refuses what has no finite value (log(0, 10), pow(-8, 1/3)). */
function finite(value: number, name: string): number {
  if (!Number.isFinite(value)) throw new EvaluationError(`${name}() has no finite value here`);
  return value;
}
