import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { seededRandom } from '../test/support/seeded-random.js';
import { inputSeed, pick } from './choose.js';
import { judgeInput, type Outcome } from './judge-input.js';
import { detectsType, mutate, type Mutant } from './mutate.js';
import type { Seed, SeedSet } from './seeds.js';

/** The six parsers, each given an equal share of the inputs. */
export const INPUT_TYPES = ['aws', 'aws-lightsail', 'azure', 'gcp', 'windows-firewall', 'ufw', 'sshd', 'terraform', 'terragrunt', 'terraform-plan', 'cloudformation', 'arm', 'bicep'] as const;

/** An input under 1 MB gets this long; larger ones this much more per MB. */
export const MILLISECONDS_PER_INPUT = 2000;

export interface CampaignOptions {
  seed: number;
  /** Inputs numbered [first, first + count). */
  first: number;
  count: number;
  /** A scratch directory: the host image inputs are scanned in. */
  workDirectory: string;
  /** Where failing inputs are written. */
  failureDirectory: string;
  /** Called before each input is made, and again before it is scanned, so that a supervisor can tell which input hangs. */
  onInput?(index: number, phase: 'making' | 'scanning'): void;
  /** Called with each failure as it is found. */
  onFailure?(failure: Failure): void;
  /** Called now and then, for progress and memory. */
  onProgress?(done: number): void;
}

export interface Failure {
  index: number;
  seed: string;
  type: string;
  forced: boolean;
  recipe: string[];
  violations: string[];
  /** The failing input, written out. */
  savedAs: string;
  thrown?: string;
}

export interface Slowest {
  index: number;
  milliseconds: number;
  bytes: number;
  seed: string;
  recipe: string[];
}

export interface CampaignSummary {
  inputs: number;
  byType: Record<string, number>;
  problemsById: Record<string, number>;
  exitStatuses: Record<string, number>;
  findings: number;
  slowest?: Slowest;
  failures: Failure[];
}

/** One input of a run, made again from the run's seed and its number. */
export interface PlannedInput {
  index: number;
  seed: Seed;
  forced: boolean;
  mutant: Mutant;
}

export function planInput(seeds: SeedSet, runSeed: number, index: number): PlannedInput {
  const random = seededRandom(inputSeed(runSeed, index));
  const type = INPUT_TYPES[index % INPUT_TYPES.length];
  const seed = pick(random, seeds.seeds.filter((candidate) => candidate.type === type));
  const forced = !detectsType(random);
  return { index, seed, forced, mutant: mutate(seed, random) };
}

/** Lays out the host image every input is scanned in: drop-ins, crypto policies, and an Include that includes itself. */
export function prepareWorkDirectory(seeds: SeedSet, workDirectory: string): void {
  for (const [path, bytes] of seeds.hostFiles) writeFile(join(workDirectory, 'etc', path), bytes);
  writeFile(join(workDirectory, 'etc/ssh/loop.conf'), Buffer.from('Include /etc/ssh/loop.conf\n'));
}

/**
 * Where an input is written: under the seed's own name (which type detection reads), beside the host image's etc/
 * rather than in it, so that no input takes the place of a file the host image's Includes read.
 */
export function inputPath(workDirectory: string, seed: Seed): string {
  return join(workDirectory, 'captures', basename(seed.name).replace(/[^\w.-]/g, '_'));
}

export async function runCampaign(seeds: SeedSet, options: CampaignOptions): Promise<CampaignSummary> {
  const summary: CampaignSummary = { inputs: 0, byType: {}, problemsById: {}, exitStatuses: {}, findings: 0, failures: [] };
  prepareWorkDirectory(seeds, options.workDirectory);
  for (let index = options.first; index < options.first + options.count; index++) {
    options.onInput?.(index, 'making');
    const planned = planInput(seeds, options.seed, index);
    const { seed, mutant, forced } = planned;
    const path = inputPath(options.workDirectory, seed);
    writeFile(path, mutant.bytes);
    options.onInput?.(index, 'scanning');
    const outcome = await judgeInput({ path, type: forced ? seed.type : undefined, root: options.workDirectory });
    const budget = MILLISECONDS_PER_INPUT * Math.max(1, mutant.bytes.length / 1e6);
    if (outcome.milliseconds > budget) outcome.violations.push(`took ${Math.round(outcome.milliseconds)} ms, more than the ${Math.round(budget)} ms allowed for ${mutant.bytes.length} bytes`);
    rmSync(path, { force: true });
    record(summary, planned, outcome);
    if (outcome.violations.length > 0) {
      const failure = saveFailure(planned, outcome, options.failureDirectory);
      summary.failures.push(failure);
      options.onFailure?.(failure);
    }
    if ((index - options.first + 1) % 250 === 0) options.onProgress?.(index - options.first + 1);
  }
  return summary;
}

function record(summary: CampaignSummary, { index, seed, mutant }: PlannedInput, outcome: Outcome): void {
  summary.inputs++;
  summary.byType[seed.type] = (summary.byType[seed.type] ?? 0) + 1;
  for (const problem of outcome.problems) summary.problemsById[problem.id] = (summary.problemsById[problem.id] ?? 0) + 1;
  summary.exitStatuses[outcome.exitStatus] = (summary.exitStatuses[outcome.exitStatus] ?? 0) + 1;
  summary.findings += outcome.findings;
  if (!summary.slowest || outcome.milliseconds > summary.slowest.milliseconds) {
    summary.slowest = { index, milliseconds: outcome.milliseconds, bytes: mutant.bytes.length, seed: seed.name, recipe: mutant.recipe };
  }
}

export function saveFailure({ index, seed, forced, mutant }: PlannedInput, outcome: Pick<Outcome, 'violations' | 'thrown'>, failureDirectory: string): Failure {
  const savedAs = join(failureDirectory, `input-${index}-${basename(inputPath('', seed))}`);
  writeFile(savedAs, mutant.bytes);
  writeFileSync(`${savedAs}.recipe.txt`, [...mutant.recipe, `scanned ${forced ? `with --type ${seed.type}` : 'with its type detected'}`, '', ...outcome.violations, ...(outcome.thrown ? ['', outcome.thrown] : [])].join('\n') + '\n');
  return { index, seed: seed.name, type: seed.type, forced, recipe: mutant.recipe, violations: outcome.violations, savedAs, thrown: outcome.thrown };
}

/** Writes a file, making its directory. */
export function writeFile(path: string, bytes: Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
}
