// Runs locateJson on a thread of its own (see locate-soon.ts) and hands the tables back through the port it was given.
import { workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import { locateJson } from './locate.js';
import type { PositionShape } from './shape.js';
import { LOCATED, LOCATE_FAILED } from './locate-signal.js';

const { buffer, offset, length, shape, port, signal } = workerData as { buffer: SharedArrayBuffer; offset: number; length: number; shape: PositionShape; port: MessagePort; signal: Int32Array };
try {
  port.postMessage(locateJson(new Uint8Array(buffer, offset, length), shape).tables());
  Atomics.store(signal, 0, LOCATED);
} catch {
  Atomics.store(signal, 0, LOCATE_FAILED);
}
Atomics.notify(signal, 0);
