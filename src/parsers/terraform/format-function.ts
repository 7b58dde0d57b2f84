import type { IacValue } from '../iac/value.js';
import { jsonEncode } from './json-functions.js';
import { asNumber, asText, EvaluationError, numberText } from './values.js';

// A width starts with 1-9: a 0 before it is a flag (and an overlap of the two would be quadratic on a run of zeros).
const VERB = /%(?:%|([-+ 0]*)([1-9]\d*)?(?:\.(\d+))?([sdvqftxX])|[^%]?)/g;

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
    const digits = precision === undefined ? undefined : Number(precision);
    // Terraform takes no precision for a text, not an empty one: format("%.0s", "abc") is "abc".
    const characters = digits || undefined;
    switch (verb) {
      case 'd': result = signed(atLeast(integer(asNumber(value)), digits, 10), flags); break;
      case 'f': result = signed(fixed(asNumber(value), Math.min(digits ?? 6, 100)), flags); break;
      case 'x': result = atLeast(integer(asNumber(value)), digits, 16); break;
      case 'X': result = atLeast(integer(asNumber(value)), digits, 16).toUpperCase(); break;
      case 'q': result = JSON.stringify(truncated(asText(value), characters)); break;
      case 'v':
        if (value.kind !== 'scalar') result = jsonEncode(value);
        else if (typeof value.value === 'number') result = shortestG(value.value);
        else result = String(value.value);
        break;
      default: result = truncated(asText(value), characters);
    }
    const size = Math.min(Number(width || 0), 1000);
    if (result.length >= size) return result;
    if (flags?.includes('-')) return result.padEnd(size);
    // Go pads a number with zeros only when it has no precision: format("%06.3d", 5) is "   005".
    if (!flags?.includes('0') || verb === 's' || (digits !== undefined && verb !== 'f')) return result.padStart(size);
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

/**
 * %f: Go rounds the number's exact binary value, and a tie to even (format("%.1f", 0.25) is "0.2"), where
 * toFixed rounds a tie up.
 */
function fixed(value: number, digits: number): string {
  // A number this large is whole, and toFixed would write it with an exponent.
  if (Math.abs(value) >= 1e21) return numberText(value) + (digits > 0 ? `.${'0'.repeat(digits)}` : '');
  const rounded = value.toFixed(digits);
  if (digits + 25 > 100) return rounded;
  const exact = Math.abs(value).toFixed(digits + 25);
  const kept = exact.slice(0, exact.length - 25 - (digits === 0 ? 1 : 0));
  const tie = /^50*$/.test(exact.slice(exact.length - 25));
  return tie && Number(kept.at(-1)) % 2 === 0 ? (value < 0 ? '-' : '') + kept : rounded;
}

/** A whole number's digits, at least `digits` of them (Go's precision for %d and %x). */
function atLeast(value: number, digits: number | undefined, radix: number): string {
  const text = radix === 10 ? numberText(Math.abs(value)) : Math.abs(value).toString(radix);
  return (value < 0 ? '-' : '') + text.padStart(digits ?? 0, '0');
}

/** A text cut to `characters` code points (Go's precision for %s and %q). */
function truncated(text: string, characters: number | undefined): string {
  if (characters === undefined || text.length <= characters) return text;
  return [...text].slice(0, characters).join('');
}

/**
 * %v of a number, as Go writes the shortest %g: with an exponent of at least two digits below 1e-4 and from 1e6 up
 * (format("%v", 1234567) is "1.234567e+06"); plain otherwise.
 */
function shortestG(value: number): string {
  const [mantissa, exponentText] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (value !== 0 && (exponent < -4 || exponent >= 6)) return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
  return numberText(value);
}

/** The + and space flags: a sign, or a space, before a number that is not negative. */
function signed(text: string, flags: string | undefined): string {
  if (text.startsWith('-') || !flags) return text;
  return flags.includes('+') ? `+${text}` : flags.includes(' ') ? ` ${text}` : text;
}
