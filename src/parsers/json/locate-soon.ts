import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { locateJson, JsonPosition } from './locate.js';
import { LOCATED, LOCATING } from './locate-signal.js';
import type { PositionShape, ShapeTables } from './shape.js';

/** Below this size the scan takes less time than starting a thread. */
const BACKGROUND_FROM_BYTES = 8 * 1024 * 1024;
/** A thread that has not answered by then is given up on, and the scan done here. */
const WAIT_MS = 120_000;
/** Beside the bundled CLI; absent when the sources run unbundled (tests), where the scan simply runs here. */
const WORKER_URL = new URL('./locate-worker.js', import.meta.url);

/**
 * Starts finding the positions of `shape` in `bytes` and returns the function that gives them. A large document is
 * scanned on another thread, so the scan overlaps the JSON.parse the caller runs meanwhile; the answer is the same
 * as locateJson's either way.
 */
export function locateSoon(bytes: Uint8Array, shape: PositionShape): () => JsonPosition {
  if (bytes.length < BACKGROUND_FROM_BYTES || WORKER_URL.protocol !== 'file:' || !existsSync(fileURLToPath(WORKER_URL))) return () => locateJson(bytes, shape);
  const shared = bytes.buffer instanceof SharedArrayBuffer ? bytes : copyToSharedMemory(bytes);
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    worker = new Worker(WORKER_URL, { workerData: { buffer: shared.buffer, offset: shared.byteOffset, length: shared.length, shape, port: port2, signal }, transferList: [port2] });
  } catch {
    return () => locateJson(bytes, shape);
  }
  worker.unref();
  return () => {
    // The caller cannot go on without the positions: block until the thread says it is done.
    Atomics.wait(signal, 0, LOCATING, WAIT_MS);
    const message = Atomics.load(signal, 0) === LOCATED ? receiveMessageOnPort(port1) : undefined;
    port1.close();
    void worker.terminate();
    return message ? JsonPosition.fromTables(shape, message.message as ShapeTables[]) : locateJson(bytes, shape);
  };
}

function copyToSharedMemory(bytes: Uint8Array): Uint8Array {
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
  shared.set(bytes);
  return shared;
}
