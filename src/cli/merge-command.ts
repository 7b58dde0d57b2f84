import type * as Sarif from 'sarif';
import { shown } from '../model/quote.js';
import { mergeSarif } from '../reporters/merge-sarif.js';
import { readParapetSarif } from '../reporters/read-parapet-sarif.js';
import { EXIT } from './exit-status.js';
import { writeReport } from './write-report.js';

export interface MergeArguments {
  files: string[];
  output?: string;
}

/**
 * `parapet merge`: joins the SARIF logs Parapet wrote into one run. A file that is not one is named on standard error
 * and left out, the others are still merged, and the exit status is 2: a merge that lost a shard's results must not
 * read as complete.
 */
export function runMerge(args: MergeArguments): number {
  const logs: Sarif.Log[] = [];
  for (const file of args.files) {
    const log = readParapetSarif(file);
    if (typeof log === 'string') process.stderr.write(`parapet: ${shown(file)} is not merged: ${log} — merge the SARIF logs that parapet scan or sweep wrote with --format sarif\n`);
    else logs.push(log);
  }
  // An empty log uploaded to code scanning would close every alert of its category: nothing is written instead.
  if (logs.length === 0) {
    process.stderr.write('parapet: nothing to merge — no file given is a SARIF log Parapet wrote\n');
    return EXIT.error;
  }
  try {
    writeReport(mergeSarif(logs), args.output);
  } catch (error) {
    process.stderr.write(`parapet: cannot write ${args.output === undefined ? 'to standard output' : shown(args.output)}: ${(error as NodeJS.ErrnoException).code ?? 'error'}\n`);
    return EXIT.error;
  }
  return logs.length === args.files.length ? EXIT.clean : EXIT.error;
}
