import { asciiLower } from './keywords.js';

/** misc.c convtime(): '1h30m', '90', '5M' → seconds; -1 when malformed or above INT_MAX. */
export function convtime(text: string): number {
  const units: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
  let total = 0n;
  let rest = text;
  if (rest === '') return -1;
  while (rest !== '') {
    const number = /^[ \t\n\v\f\r]*([+-]?[0-9]+)/.exec(rest);
    if (!number) return -1;
    const seconds = BigInt(number[1]);
    if (seconds < 0n) return -1;
    rest = rest.slice(number[0].length);
    let multiplier = 1;
    if (rest !== '') {
      const unit = units[asciiLower(rest[0])];
      if (unit === undefined) return -1;
      multiplier = unit;
      rest = rest.slice(1);
    }
    if (seconds > 2147483647n / BigInt(multiplier)) return -1;
    total += seconds * BigInt(multiplier);
    if (total > 2147483647n) return -1;
  }
  return Number(total);
}
