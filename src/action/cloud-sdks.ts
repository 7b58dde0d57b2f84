import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Cloud } from '../sweep/cloud-sweeper.js';

/**
 * The packages each cloud's sweeper imports (src/sweep/<cloud>/; a test holds the two equal). They are not in the
 * Action's bundle (build.mjs: CLOUD_SDKS): a sweep loads them from node_modules beside the Action, as package-lock.json
 * pins them, and the runner downloads the Action without node_modules.
 */
export const SWEEP_PACKAGES: Record<Cloud, readonly string[]> = {
  aws: ['@aws-sdk/client-ec2', '@aws-sdk/client-lightsail', '@aws-sdk/client-sts', '@aws-sdk/credential-providers'],
  azure: ['@azure/arm-network', '@azure/arm-resources-subscriptions', '@azure/identity'],
  gcp: ['@google-cloud/compute', 'google-auth-library'],
};

export const NPM_CI = ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'] as const;

/** Whether every package of the cloud's sweeper resolves from `directory` as an import does: node_modules here or in a parent. */
export function sdkResolvable(cloud: Cloud, directory: string): boolean {
  return SWEEP_PACKAGES[cloud].every((name) => {
    for (let at = directory; ; at = dirname(at)) {
      if (existsSync(join(at, 'node_modules', name, 'package.json'))) return true;
      if (dirname(at) === at) return false;
    }
  });
}

/**
 * Makes the cloud's SDK importable by the Action, whose bundle is in `actionDirectory`/action/: when it does not resolve,
 * installs the Action's runtime dependencies into `actionDirectory` exactly as its package-lock.json pins them, with no
 * install scripts. Returns why it could not, in one line.
 */
export function ensureCloudSdk(cloud: Cloud, actionDirectory: string, log: (line: string) => void): { failure?: string } {
  if (sdkResolvable(cloud, actionDirectory)) return {};
  if (!existsSync(join(actionDirectory, 'package-lock.json'))) return { failure: `Cannot install the ${cloud} SDK: the Action's directory ${actionDirectory} holds no package-lock.json` };
  log(`Parapet: installing the cloud SDKs into ${actionDirectory} as package-lock.json pins them (npm ${NPM_CI.join(' ')})`);
  // npm's output goes to the log on standard error: standard output is the runner's command channel.
  const npm = spawnSync('npm', NPM_CI, { cwd: actionDirectory, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' });
  if (npm.error) return { failure: `Cannot install the ${cloud} SDK: npm could not be run (${(npm.error as NodeJS.ErrnoException).code ?? npm.error.message})` };
  if (npm.status !== 0) return { failure: `Cannot install the ${cloud} SDK: npm ci exited with ${npm.status ?? npm.signal} — see its output above` };
  if (!sdkResolvable(cloud, actionDirectory)) return { failure: `Cannot install the ${cloud} SDK: npm ci succeeded but ${SWEEP_PACKAGES[cloud].join(', ')} still do not resolve` };
  return {};
}
