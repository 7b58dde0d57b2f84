import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { shown } from '../model/quote.js';
import { CONFIG_NAME } from '../policy/find-config.js';
import { STARTER_CONFIG } from '../policy/starter-config.js';
import { EXIT } from './exit-status.js';

/** `parapet init [DIR]`: writes a commented starter .parapet.yml, never over an existing one. */
export function runInit(directory: string): number {
  const file = join(directory, CONFIG_NAME);
  try {
    writeFileSync(file, STARTER_CONFIG, { flag: 'wx', mode: 0o644 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    process.stderr.write(`parapet: ${code === 'EEXIST' ? `${shown(file, 300)} exists already: Parapet does not overwrite it` : `cannot write ${shown(file, 300)}: ${code ?? 'error'}`}\n`);
    return EXIT.error;
  }
  process.stdout.write(`Wrote ${shown(file, 300)}: set networks.trusted, then scan.\n`);
  return EXIT.clean;
}
