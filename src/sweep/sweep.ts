import { join } from 'node:path';
import { problemAt, type InputProblem } from '../model/problem.js';
import { shownError } from '../model/shown-error.js';
import { SweepFailure, snapshotName, type Cloud, type SweepNote, type SweepOptions, type SweepTarget } from './cloud-sweeper.js';
import { inShard, type Shard } from './shard.js';
import { LIST_KEY, SnapshotFile } from './snapshot-file.js';
import { sweeperFor } from './sweepers.js';

export interface SweepRequest {
  cloud: Cloud;
  options: SweepOptions;
  /** Where the targets' groups are written, one export file per target. */
  directory: string;
  /** How many targets are read at once. */
  concurrency: number;
  /** Only the targets of this shard are read (all of them are still listed, to know which are its own). */
  shard?: Shard;
  /** Told after each target: how many are done of how many, and how many groups were read so far. */
  progress?(done: number, total: number, groups: number): void;
  /** Told of each snapshot file once it is complete, and the input type it is, so that it can be judged while other targets are still read. */
  written?(path: string, inputType: string): void;
}

export interface SweepResult {
  /** The snapshot files written, one per target read (in full or in part). */
  files: string[];
  /** What could not be listed or read: each an error, so that a sweep that could not look never reads as clean. */
  problems: InputProblem[];
}

/** Reads every target of a cloud into snapshot files, a bounded number at a time. */
export async function sweepToSnapshots(request: SweepRequest): Promise<SweepResult> {
  const sweeper = await sweeperFor(request.cloud, request.options);
  const problems: InputProblem[] = [];
  const listed = await sweeper.targets();
  // Every shard reports a listing that failed: the targets it would have found are unknown, so any shard may have
  // missed its own, and each shard's exit status must say that it could not look. `parapet merge` keeps one copy.
  for (const { label, failure } of listed.failures) problems.push(failureProblem(label, label, failure));
  for (const { label, message } of listed.notes ?? []) problems.push(problemAt('sweep/not-modelled', { file: label }, `${label}: ${message}`, 'warning'));
  const targets = request.shard ? inShard(listed.targets, request.shard) : listed.targets;

  const files: string[] = [];
  let done = 0;
  let groups = 0;
  const read = async (target: SweepTarget): Promise<void> => {
    const path = join(request.directory, snapshotName(target));
    const snapshot = new SnapshotFile(path, target.listing?.listKey ?? LIST_KEY[request.cloud]);
    try {
      const note: SweepNote = (message, id = 'sweep/attachment-unknown') => problems.push(problemAt(id, { file: path }, `${target.label}: ${message}`, 'warning'));
      for await (const page of sweeper.pages(target, note)) {
        snapshot.addPage(page);
        groups += page.length;
      }
    } catch (error) {
      problems.push(failureProblem(path, target.label, error instanceof SweepFailure ? error : new SweepFailure(`Parapet failed while reading it (${shownError(error)}) — please report this`)));
    } finally {
      // A target without groups (a region with no VPC, a project without firewall rules) leaves no file: an empty
      // export reads as a broken one.
      if (snapshot.close()) {
        files.push(path);
        request.written?.(path, target.listing?.inputType ?? request.cloud);
      }
      request.progress?.(++done, targets.length, groups);
    }
  };
  await inPool(targets, request.concurrency, read);
  return { files: files.sort(), problems };
}

function failureProblem(file: string, label: string, failure: SweepFailure): InputProblem {
  const id = failure.kind === 'credentials' ? 'sweep/refused' : file === label ? 'sweep/unlisted' : 'sweep/unreadable';
  const what = id === 'sweep/unlisted' ? 'could not be listed' : failure.kind === 'credentials' ? 'refused the credentials' : 'could not be read in full';
  return problemAt(id, { file }, `${label} ${what}: ${failure.message} — ${id === 'sweep/unreadable' ? 'what was read before the failure is judged; the rest was not' : 'nothing in it was judged'}`);
}

/** Runs `work` over every item, at most `limit` at a time. */
async function inPool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
