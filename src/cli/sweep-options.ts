import type { Options } from 'yargs';
import { SCAN_OPTIONS } from './scan-options.js';

export const CLOUDS = ['aws', 'azure', 'gcp'] as const;

/** The options of `parapet sweep`: the report options of `scan`, and what to read of the cloud. */
export const SWEEP_OPTIONS = {
  format: SCAN_OPTIONS.format,
  output: SCAN_OPTIONS.output,
  'fail-on': SCAN_OPTIONS['fail-on'],
  'app-ports': SCAN_OPTIONS['app-ports'],
  baseline: { type: 'string', describe: "A SARIF log of an earlier sweep: mark each finding new, unchanged, updated or absent, and fail only on new ones (what is new since yesterday's sweep)" },
  config: { type: 'string', describe: 'The configuration file (default: the .parapet.yml found upward from the working directory, up to the repository root)' },
  regions: { type: 'string', describe: 'AWS: these regions (comma-separated) instead of every enabled one' },
  'assume-role': { type: 'string', array: true, describe: 'AWS: assume this role and sweep its account (repeatable)' },
  'accounts-file': { type: 'string', describe: 'AWS: a file of role ARNs, one per line, one account each' },
  subscriptions: { type: 'string', describe: 'Azure: these subscriptions (comma-separated) instead of every one the identity can see' },
  projects: { type: 'string', describe: 'GCP: the projects to sweep (comma-separated; default $GOOGLE_CLOUD_PROJECT, which google-github-actions/auth sets)' },
  'endpoint-url': { type: 'string', describe: "Send the cloud's API calls to this endpoint instead (an emulator, a test server)" },
  'snapshot-dir': { type: 'string', describe: 'Keep what was read here, one export file per account and region, subscription or project: `parapet scan DIR` judges it again offline, and findings point at its lines' },
  shard: { type: 'string', describe: 'Read only shard i of n (e.g. 2/3) of the targets, split by a hash of each target: run every shard side by side, then `parapet merge` their SARIF' },
  concurrency: { type: 'number', default: 32, describe: 'How many accounts and regions, subscriptions or projects are read at once (each one page at a time)' },
} as const satisfies Record<string, Options>;
