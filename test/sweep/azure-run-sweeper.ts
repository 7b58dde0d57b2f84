/**
 * The child process of the Azure sweep tests: NODE_EXTRA_CA_CERTS, which the stub's https needs, is read only when
 * a process starts. Runs azureSweeper as the sweep runner does — targets(), then pages() of every target at once —
 * and prints what came back as one JSON document on stdout.
 */
import { SweepFailure } from '../../src/sweep/cloud-sweeper.js';
import { azureSweeper } from '../../src/sweep/azure/sweeper.js';

export interface RunRequest {
  endpointUrl: string;
  subscriptions?: string[];
}

export interface TargetOutcome {
  id: string;
  label: string;
  pageSizes: number[];
  items: unknown[];
  /** What the sweeper noted it could not learn or judge (the security admin rules, when they cannot be read). */
  notes: { message: string; id?: string }[];
  failure?: { message: string; kind: string };
}

export interface RunResult {
  targets: { id: string; label: string }[];
  failures: { label: string; message: string; kind: string }[];
  outcomes: TargetOutcome[];
  elapsedMs: number;
}

const request = JSON.parse(process.argv[2]) as RunRequest;
const started = Date.now();
const sweeper = await azureSweeper({ endpointUrl: request.endpointUrl, subscriptions: request.subscriptions });
const { targets, failures } = await sweeper.targets();
const outcomes = await Promise.all(
  targets.map(async (target): Promise<TargetOutcome> => {
    const outcome: TargetOutcome = { ...target, pageSizes: [], items: [], notes: [] };
    try {
      for await (const page of sweeper.pages(target, (message, id) => outcome.notes.push({ message, id }))) {
        outcome.pageSizes.push(page.length);
        outcome.items.push(...page);
      }
    } catch (error) {
      if (!(error instanceof SweepFailure)) throw error;
      outcome.failure = { message: error.message, kind: error.kind };
    }
    return outcome;
  }),
);
const result: RunResult = {
  targets,
  failures: failures.map(({ label, failure }) => ({ label, message: failure.message, kind: failure.kind })),
  outcomes,
  elapsedMs: Date.now() - started,
};
process.stdout.write(JSON.stringify(result));
