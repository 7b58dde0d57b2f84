import type { IacValue } from '../iac/value.js';
import { jsonEncode } from './json-functions.js';
import { asNumber, asText, EvaluationError } from './values.js';

const VERB = /%(?:%|([-+ 0]*)(\d*)(?:\.(\d+))?([sdvqftxX])|[^%]?)/g;

/**
 * Terraform's format(): the verbs security-group code uses (%s %d %v %q %f %t %x %%), with widths, precision and the
 * flags - + 0 and space. Any other verb or flag is not evaluated (an EvaluationError), never written out wrong.
 */
export function formatText(spec: string, args: IacValue[]): string {
  let next = 0;
  return spec.replace(VERB, (whole, flags: string | undefined, width: string | undefined, precision: string | undefined, verb: string | undefined) => {
    if (whole === '%%') return '%';
    if (verb === undefined) throw new EvaluationError(`format() verb ${JSON.stringify(whole.slice(0, 8))} is not evaluated`);
    if (next >= args.length) throw new EvaluationError('format() has more verbs than arguments');
    const value = args[next++];
    let result: string;
    switch (verb) {
      case 'd': result = signed(integer(asNumber(value)).toString(), flags); break;
      case 'f': result = signed(asNumber(value).toFixed(precision === undefined ? 6 : Number(precision)), flags); break;
      case 'x': result = integer(asNumber(value)).toString(16); break;
      case 'X': result = integer(asNumber(value)).toString(16).toUpperCase(); break;
      case 'q': result = JSON.stringify(asText(value)); break;
      case 'v': result = value.kind === 'scalar' ? String(value.value) : jsonEncode(value); break;
      default: result = asText(value);
    }
    const size = Math.min(Number(width || 0), 1000);
    if (result.length >= size) return result;
    if (flags?.includes('-')) return result.padEnd(size);
    if (!flags?.includes('0') || verb === 's') return result.padStart(size);
    // Zeros go after the sign.
    const sign = /^[-+ ]/.test(result) ? result[0] : '';
    return sign + result.slice(sign.length).padStart(size - sign.length, '0');
  });
}

/** %d of a number with a fraction is an error in Terraform, not a truncation. */
function integer(value: number): number {
  if (!Number.isInteger(value)) throw new EvaluationError('format() %d of a number with a fraction');
  return value;
}

/** The + and space flags: a sign, or a space, before a number that is not negative. */
function signed(text: string, flags: string | undefined): string {
  if (text.startsWith('-') || !flags) return text;
  return flags.includes('+') ? `+${text}` : flags.includes(' ') ? ` ${text}` : text;
}
