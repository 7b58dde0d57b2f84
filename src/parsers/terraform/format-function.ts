import type { IacValue } from '../iac/value.js';
import { jsonEncode } from './json-functions.js';
import { asNumber, asText, EvaluationError } from './values.js';

const VERB = /%(?:%|([-+ 0#]*)(\d*)(?:\.(\d+))?([sdvqftbxXoeEgG]))/g;

/** Terraform's format(): the verbs security-group code uses (%s %d %v %q %f %x %%); widths and flags for numbers. */
export function formatText(spec: string, args: IacValue[]): string {
  let next = 0;
  return spec.replace(VERB, (whole, flags: string | undefined, width: string | undefined, precision: string | undefined, verb: string | undefined) => {
    if (whole === '%%') return '%';
    if (next >= args.length) throw new EvaluationError('format() has more verbs than arguments');
    const value = args[next++];
    let result: string;
    switch (verb) {
      case 'd': result = Math.trunc(asNumber(value)).toString(); break;
      case 'f': result = asNumber(value).toFixed(precision === undefined ? 6 : Number(precision)); break;
      case 'x': result = Math.trunc(asNumber(value)).toString(16); break;
      case 'X': result = Math.trunc(asNumber(value)).toString(16).toUpperCase(); break;
      case 'q': result = JSON.stringify(asText(value)); break;
      case 'v': result = value.kind === 'scalar' ? String(value.value) : jsonEncode(value); break;
      default: result = asText(value);
    }
    const size = Math.min(Number(width || 0), 1000);
    if (result.length >= size) return result;
    if (flags?.includes('-')) return result.padEnd(size);
    return result.padStart(size, flags?.includes('0') && verb !== 's' ? '0' : ' ');
  });
}
