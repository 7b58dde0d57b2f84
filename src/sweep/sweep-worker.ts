import { parentPort, workerData } from 'node:worker_threads';
import { sweepToSnapshots } from './sweep.js';
import type { ThreadRequest, WorkerMessage } from './sweep-thread.js';

/** The worker thread of sweep-thread.ts: reads the cloud into snapshot files and tells the main thread of each. */
const port = parentPort!;
const post = (message: WorkerMessage) => port.postMessage(message);
const result = await sweepToSnapshots({
  ...(workerData as ThreadRequest),
  progress: (done, total, groups) => post({ kind: 'progress', done, total, groups }),
  written: (path, inputType) => post({ kind: 'written', path, inputType }),
});
post({ kind: 'done', result });
