import { shown } from '../model/quote.js';
import { readParapetSarif } from '../reporters/read-parapet-sarif.js';
import { VERSION } from '../version.js';
import { baselineResultOf, FINGERPRINT_KEY, type BaselineResult } from './baseline-result.js';

/** A previous report to compare a scan with (`--baseline FILE`): the results of a SARIF log Parapet wrote. */
export interface Baseline {
  file: string;
  results: BaselineResult[];
}

/**
 * Reads a baseline, or says in one line (naming the file, quoting none of it) why it cannot be one: a scan compared
 * with a baseline that was not read would call every finding new, or none.
 */
export function readBaseline(file: string): Baseline | { usageError: string } {
  const refuse = (why: string) => ({ usageError: `--baseline ${shown(file, 300)}: ${why} — write one with 'parapet baseline write PATHS --output FILE' (or 'parapet scan --format sarif')` });
  const log = readParapetSarif(file);
  if (typeof log === 'string') return refuse(log);
  const results: BaselineResult[] = [];
  for (const run of log.runs) {
    const driver = run.tool.driver;
    const version = driver.semanticVersion ?? driver.version;
    if (typeof version !== 'string') return refuse('it does not say which version of Parapet wrote it');
    if (majorOf(version) !== majorOf(VERSION)) {
      return refuse(`it was written by Parapet ${shown(version, 40)}, and fingerprints are kept only within a major version (this is ${VERSION})`);
    }
    const ruleScores = new Map((driver.rules ?? []).map((rule) => [rule.id, rule.properties?.['security-severity']]));
    for (const [index, result] of (run.results ?? []).entries()) {
      // Gone when that log was written (a report compared with its own baseline): not part of what it records.
      if (result.baselineState === 'absent') continue;
      const read = baselineResultOf(result, ruleScores);
      if (typeof read === 'string') {
        return refuse(read.endsWith(`${FINGERPRINT_KEY} fingerprint`) ? `result ${index + 1} ${read.replace(/^it /, '')}, so nothing can be matched with it` : `result ${index + 1} is malformed: ${read}`);
      }
      results.push(read);
    }
  }
  return { file, results };
}

function majorOf(version: string): string {
  return version.split('.')[0];
}
