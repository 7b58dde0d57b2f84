/**
 * Orders strings by code point. Output order must not depend on the locale, and `localeCompare` would load ICU's
 * collator on the first call: milliseconds every run pays.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
