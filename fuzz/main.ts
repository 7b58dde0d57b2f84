import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, Worker, workerData, parentPort } from 'node:worker_threads';
import { inputPath, planInput, prepareWorkDirectory, runCampaign, saveFailure, writeFile, type CampaignSummary, type Failure } from './campaign.js';
import { judgeInput } from './judge-input.js';
import { loadSeeds } from './seeds.js';
import { emptySummary, formatFailure, formatSummary, mergeSummaries, type RunSummary } from './summary.js';

/**
 * `npm run fuzz`: mutated real inputs through the scan, in worker threads watched by this one. A worker that stays on
 * one input longer than HANG_SECONDS, or runs out of its memory, is stopped; that input is saved as a failure and a
 * new worker goes on with the next one.
 */
const HANG_SECONDS = 60;
/** A worker's heap: an input that needs more is a failure. */
const WORKER_HEAP_MB = 1536;
/** Live heap (after garbage collection) may grow this much over the run before it counts as a leak. */
const HEAP_GROWTH_BYTES = 200 * 1024 * 1024;
/** Inputs before the heap baseline is taken: caches fill, code is compiled. */
const WARM_UP = 2000;

interface Options {
  repository: string;
  seed: number;
  count: number;
  jobs: number;
  replay?: number;
  failureDirectory: string;
}

interface WorkerTask {
  repository: string;
  seed: number;
  first: number;
  count: number;
  failureDirectory: string;
  /** Two Int32s: the number of the input the worker is on, and 1 once it is being scanned (0 while it is made). */
  current: SharedArrayBuffer;
}

/** `heapUsed`: the live heap right after a garbage collection, every thousand inputs. */
type WorkerMessage = { kind: 'progress'; done: number; heapUsed?: number } | { kind: 'failure'; failure: Failure } | { kind: 'summary'; summary: CampaignSummary };

interface WorkerOutcome {
  summary: CampaignSummary;
  /** The input the worker was stopped on (hung or out of memory), why, and whether Parapet was scanning it then. */
  stopped?: { index: number; reason: string; scanning: boolean };
}

if (isMainThread) {
  const options = parseArguments(process.argv.slice(2));
  process.exitCode = options.replay === undefined ? await supervise(options) : await replay(options, options.replay);
} else {
  await work(workerData as WorkerTask);
}

function parseArguments(argv: string[]): Options {
  const value = (name: string): string | undefined => {
    const at = argv.indexOf(`--${name}`);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const number = (name: string, fallback: number): number => {
    const given = value(name);
    if (given === undefined) return fallback;
    const parsed = Number(given);
    if (!Number.isSafeInteger(parsed) || parsed < 0) throw new Error(`--${name} takes a whole number, got '${given}'`);
    return parsed;
  };
  const repository = value('repository');
  if (!repository) throw new Error('--repository is required (fuzz/run.mjs passes it)');
  const seed = number('seed', Date.now() % 2 ** 31);
  return {
    repository,
    seed,
    count: number('count', 100_000),
    jobs: Math.max(1, number('jobs', 1)),
    replay: value('replay') === undefined ? undefined : number('replay', 0),
    failureDirectory: value('failures') ?? join(tmpdir(), `parapet-fuzz-failures-${seed}`),
  };
}

async function supervise(options: Options): Promise<number> {
  const started = performance.now();
  mkdirSync(options.failureDirectory, { recursive: true });
  const seeds = loadSeeds(options.repository);
  const perType = new Map<string, number>();
  for (const seed of seeds.seeds) perType.set(seed.type, (perType.get(seed.type) ?? 0) + 1);
  console.log(`parapet fuzz: ${options.count.toLocaleString('en')} inputs from ${seeds.seeds.length} seeds (${[...perType].map(([type, count]) => `${type} ${count}`).join(', ')}), seed ${options.seed}, ${options.jobs} worker${options.jobs > 1 ? 's' : ''}`);

  const summary = emptySummary();
  const heap = { baseline: undefined as number | undefined, peak: 0 };
  let done = 0;
  let reported = 0;
  const share = Math.ceil(options.count / options.jobs);
  const slices: [number, number][] = [];
  for (let first = 0; first < options.count; first += share) slices.push([first, Math.min(first + share, options.count)]);

  await Promise.all(slices.map(async ([first, end]) => {
    let next = first;
    while (next < end) {
      let counted = 0;
      const outcome = await runWorker({ ...options, first: next, count: end - next, current: new SharedArrayBuffer(8) }, (failure) => {
        summary.failures.push(failure);
        console.log(formatFailure(failure, options.seed));
      }, (progress, heapUsed) => {
        done += progress - counted;
        counted = progress;
        if (heapUsed !== undefined && heap.baseline === undefined && done >= WARM_UP) heap.baseline = heapUsed;
        else if (heapUsed !== undefined && heap.baseline !== undefined) heap.peak = Math.max(heap.peak, heapUsed);
        if (done - reported >= 10_000) {
          reported = done;
          console.log(`  ${done.toLocaleString('en')} inputs, ${Math.round((performance.now() - started) / 1000)} s, ${summary.failures.length} failures so far`);
        }
      });
      // Failures came one by one as they were found, also from a worker that was stopped later.
      mergeSummaries(summary, { ...outcome.summary, failures: [] });
      done += outcome.summary.inputs - counted;
      if (!outcome.stopped) break;
      // Stopped on an input: that input is a failure (or, stopped while making it, the fuzzer's); a fresh worker goes on after it.
      const { index, reason, scanning } = outcome.stopped;
      const failure: Failure = scanning
        ? saveFailure(planInput(seeds, options.seed, index), { violations: [reason] }, options.failureDirectory)
        : { index, seed: '?', type: '?', forced: false, recipe: [], violations: [`${reason} while making the input: a bug in the fuzzer's mutations`], savedAs: '(not made)' };
      summary.inputs++;
      summary.failures.push(failure);
      console.log(formatFailure(failure, options.seed));
      next = outcome.stopped.index + 1;
      done++;
    }
  }));

  const result: RunSummary = {
    ...summary,
    seed: options.seed,
    seconds: (performance.now() - started) / 1000,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    heapBaselineBytes: heap.baseline,
    heapPeakBytes: heap.baseline === undefined ? undefined : Math.max(heap.peak, heap.baseline),
  };
  if (heap.baseline !== undefined && heap.peak - heap.baseline > HEAP_GROWTH_BYTES) {
    result.leak = `the live heap grew by ${Math.round((heap.peak - heap.baseline) / 2 ** 20)} MiB over the run, more than the ${HEAP_GROWTH_BYTES / 2 ** 20} MiB allowed: a leak`;
  }
  console.log(formatSummary(result));
  if (result.failures.length === 0) rmSync(options.failureDirectory, { recursive: true, force: true });
  else console.log(`failing inputs and their recipes are in ${options.failureDirectory}`);
  return result.failures.length === 0 && !result.leak ? 0 : 1;
}

/** Runs one worker over its inputs; stops it when it hangs on one, and says which. */
function runWorker(task: WorkerTask, onFailure: (failure: Failure) => void, onProgress: (done: number, heapUsed?: number) => void): Promise<WorkerOutcome> {
  return new Promise((resolve) => {
    const current = new Int32Array(task.current);
    Atomics.store(current, 0, task.first);
    const stop = (reason: string) => ({ index: Atomics.load(current, 0), reason, scanning: Atomics.load(current, 1) === 1 });
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: task, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    let summary: CampaignSummary | undefined;
    let stopped: WorkerOutcome['stopped'];
    let watched = { index: -1, since: performance.now() };
    const watchdog = setInterval(() => {
      const index = Atomics.load(current, 0);
      if (index !== watched.index) watched = { index, since: performance.now() };
      else if (performance.now() - watched.since > HANG_SECONDS * 1000) {
        stopped = stop(`still busy after ${HANG_SECONDS} s: stopped`);
        void worker.terminate();
      }
    }, 1000);
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'progress') onProgress(message.done, message.heapUsed);
      else if (message.kind === 'failure') onFailure(message.failure);
      else summary = message.summary;
    });
    worker.on('error', (error: Error & { code?: string }) => {
      stopped = stop(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? `ran out of the ${WORKER_HEAP_MB} MB heap a worker has` : `the worker died: ${error.message}`);
    });
    worker.on('exit', () => {
      clearInterval(watchdog);
      resolve({ summary: summary ?? partialSummary(task, current), stopped: summary ? undefined : stopped ?? stop('the worker exited without a summary') });
    });
  });
}

/** What a stopped worker did before the input it was stopped on is lost but for the count. */
function partialSummary(task: WorkerTask, current: Int32Array): CampaignSummary {
  const summary = emptySummary();
  summary.inputs = Atomics.load(current, 0) - task.first;
  return summary;
}

async function work(task: WorkerTask): Promise<void> {
  const current = new Int32Array(task.current);
  const seeds = loadSeeds(task.repository);
  const workDirectory = mkdtempSync(join(tmpdir(), 'parapet-fuzz-'));
  const collect = (globalThis as { gc?: () => void }).gc;
  try {
    const summary = await runCampaign(seeds, {
      seed: task.seed,
      first: task.first,
      count: task.count,
      workDirectory,
      failureDirectory: task.failureDirectory,
      onInput: (index, phase) => {
        Atomics.store(current, 0, index);
        Atomics.store(current, 1, phase === 'scanning' ? 1 : 0);
      },
      onFailure: (failure) => parentPort!.postMessage({ kind: 'failure', failure } satisfies WorkerMessage),
      onProgress: (done) => {
        let heapUsed: number | undefined;
        if (done % 1000 === 0 && collect) {
          collect();
          heapUsed = process.memoryUsage().heapUsed;
        }
        parentPort!.postMessage({ kind: 'progress', done, heapUsed } satisfies WorkerMessage);
      },
    });
    parentPort!.postMessage({ kind: 'summary', summary } satisfies WorkerMessage);
  } finally {
    rmSync(workDirectory, { recursive: true, force: true });
  }
}

/** Makes one input of a run again, scans it, and prints what happened. */
async function replay(options: Options, index: number): Promise<number> {
  const seeds = loadSeeds(options.repository);
  const workDirectory = mkdtempSync(join(tmpdir(), 'parapet-fuzz-replay-'));
  prepareWorkDirectory(seeds, workDirectory);
  const planned = planInput(seeds, options.seed, index);
  const path = inputPath(workDirectory, planned.seed);
  writeFile(path, planned.mutant.bytes);
  const outcome = await judgeInput({ path, type: planned.forced ? planned.seed.type : undefined, root: workDirectory });
  console.log(`input #${index} of seed ${options.seed}: ${planned.mutant.recipe.join('; ')}`);
  console.log(`written to ${path} (${planned.mutant.bytes.length} bytes); scan it with: node dist/parapet.js scan ${planned.forced ? `--type ${planned.seed.type} ` : ''}--root ${workDirectory} ${path}`);
  console.log(`${Math.round(outcome.milliseconds)} ms, exit status ${outcome.exitStatus}, ${outcome.findings} findings`);
  for (const problem of outcome.problems) console.log(`  ${problem.level} ${problem.id}: ${problem.file}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`);
  for (const violation of outcome.violations) console.log(`  ✗ ${violation}`);
  if (outcome.thrown) console.log(outcome.thrown);
  return outcome.violations.length === 0 ? 0 : 1;
}
