import { Worker } from 'node:worker_threads';
import { problemAt } from '../model/problem.js';
import { shownError } from '../model/shown-error.js';
import type { SweepRequest, SweepResult } from './sweep.js';

/** The worker's bundle beside the one this code is bundled in (build.mjs defines it for the CLI and for the Action). */
declare const PARAPET_SWEEP_WORKER: string | undefined;

/** What sweep-worker.ts is given: the request without its callbacks, which stay in this thread. */
export type ThreadRequest = Omit<SweepRequest, 'progress' | 'written'>;

/** What sweep-worker.ts posts: the callbacks of the request, then the result. */
export type WorkerMessage =
  | { kind: 'progress'; done: number; total: number; groups: number }
  | { kind: 'written'; path: string; inputType: string }
  | { kind: 'done'; result: SweepResult };

/**
 * Sweeps in a worker thread. Reading a cloud is mostly the SDK decoding its answers (XML or JSON, a megabyte a page),
 * which would otherwise take turns on one core with judging what was read: with the reading in its own thread, each
 * snapshot file is judged here, as soon as it is written, while the other targets are still being read.
 */
export function sweepInThread(request: SweepRequest): Promise<SweepResult> {
  if (typeof PARAPET_SWEEP_WORKER !== 'string') throw new Error('a sweep runs in a worker thread only from the bundles (node build.mjs)');
  const { progress, written, ...data } = request;
  const worker = new Worker(new URL(PARAPET_SWEEP_WORKER, import.meta.url), { workerData: data satisfies ThreadRequest });
  const files: string[] = [];
  return new Promise((resolve) => {
    let failure: unknown = 'it stopped without a result';
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'progress') progress?.(message.done, message.total, message.groups);
      else if (message.kind === 'written') {
        files.push(message.path);
        written?.(message.path, message.inputType);
      } else {
        resolve(message.result);
        // The SDKs' keep-alive connections would hold the thread open.
        void worker.terminate();
      }
    });
    worker.on('error', (error) => (failure = error));
    // After 'done' this resolves nothing more: a promise settles once.
    worker.on('exit', () => {
      const message = `the sweep failed (${shownError(failure)}) — the targets read before the failure are judged, the others were not; please report this`;
      resolve({ files: files.sort(), problems: [problemAt('internal/failed', { file: request.directory }, message)] });
    });
  });
}
