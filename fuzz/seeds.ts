import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { readHead } from '../src/inputs/input-file.js';
import { detectFormat } from '../src/inputs/formats.js';

/** The real inputs the mutations start from: every file of these folders that Parapet recognises. */
export const SEED_FOLDERS = ['examples', 'fixtures', 'test/corpus'];

export interface Seed {
  /** Where it comes from, relative to the repository: what a failure report names. */
  name: string;
  /** The input type Parapet detects for it. */
  type: string;
  bytes: Buffer;
}

export interface SeedSet {
  seeds: Seed[];
  /** Files a host image's configuration refers to (`etc/ssh/sshd_config.d/*.conf`, crypto policies), by path under etc/. */
  hostFiles: Map<string, Buffer>;
}

/** Reads the seeds of `repository` (a directory path). Files Parapet does not recognise (READMEs, logs) are not seeds. */
export function loadSeeds(repository: string): SeedSet {
  const seeds: Seed[] = [];
  const hostFiles = new Map<string, Buffer>();
  for (const folder of SEED_FOLDERS) {
    for (const path of filesUnder(join(repository, folder))) {
      const name = relative(repository, path).split(sep).join('/');
      const underEtc = /(?:^|\/)etc\/(.+)$/.exec(name)?.[1] ?? dropInName(name);
      if (underEtc && !hostFiles.has(underEtc)) hostFiles.set(underEtc, readFileSync(path));
      const format = recognised(path);
      if (format) seeds.push({ name, type: format, bytes: withoutAnnotations(readFileSync(path)) });
    }
  }
  return { seeds, hostFiles };
}

/** A fixture's `# ruleid:` and `// ok:` lines, which make its JSON no JSON: the inputs the fixtures stand for are without them. */
const ANNOTATION = /^[ \t]*(?:#|\/\/)[ \t]*(?:ruleid|ok):[^\n]*\n/gm;

function withoutAnnotations(bytes: Buffer): Buffer {
  const text = bytes.toString('latin1');
  const stripped = text.replace(ANNOTATION, '');
  return stripped.length === text.length ? bytes : Buffer.from(stripped, 'latin1');
}

/** Drop-ins kept beside a main file rather than in a host image (`test/corpus/sshd/ubuntu-cloud-image/sshd_config.d/`). */
function dropInName(name: string): string | undefined {
  const dropIn = /(?:^|\/)sshd_config\.d\/([^/]+)$/.exec(name);
  return dropIn ? `ssh/sshd_config.d/${dropIn[1]}` : undefined;
}

function recognised(path: string): string | undefined {
  if (/\.(md|log)$/i.test(path)) return undefined;
  const { head, binary } = readHead(path);
  return binary ? undefined : detectFormat(basename(path), head)?.type;
}

function filesUnder(directory: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(directory).sort();
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(directory, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
