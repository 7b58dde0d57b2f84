import type { IacOptions } from '../inputs/input-format.js';
import { shown } from '../model/quote.js';

/** --var-file and --parameter key=value as the loaders take them; a parameter without '=' is a usage error. */
export function iacOptionsFor(varFiles: readonly string[] = [], parameters: readonly string[] = []): IacOptions | { usageError: string } {
  const byName = new Map<string, string>();
  for (const parameter of parameters) {
    const equals = parameter.indexOf('=');
    if (equals <= 0) return { usageError: `--parameter takes key=value, got '${shown(parameter, 80)}'` };
    byName.set(parameter.slice(0, equals), parameter.slice(equals + 1));
  }
  return { varFiles, parameters: byName };
}
