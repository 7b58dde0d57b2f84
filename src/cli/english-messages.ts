import { format } from 'node:util';

/**
 * Stands in for the `y18n` package inside the bundle (see build.mjs). yargs would read its translations from a
 * `locales/` folder beside the installed package, chosen by $LANG; Parapet speaks English and reads no file it was
 * not asked to, so yargs' own English strings are used as they are.
 */
export default function englishMessages() {
  const overrides = new Map<string, string>();
  return {
    __(text: string, ...args: unknown[]): string {
      return format(overrides.get(text) ?? text, ...args.filter((arg) => typeof arg !== 'function'));
    },
    __n(singular: string, plural: string, quantity: number, ...args: unknown[]): string {
      const text = quantity === 1 ? singular : plural;
      const values = args.filter((arg) => typeof arg !== 'function');
      return format(text, ...(text.includes('%d') ? [quantity, ...values] : values));
    },
    setLocale() {},
    getLocale: () => 'en',
    updateLocale(strings: Record<string, string>) {
      for (const [key, value] of Object.entries(strings)) overrides.set(key, value);
    },
  };
}
