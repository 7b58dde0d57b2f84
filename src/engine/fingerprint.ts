import { hash } from 'node:crypto';

/** Stable across runs and line shifts: depends on what the finding is about, not on where the line stands. */
export function fingerprintOf(ruleId: string, assetId: string, key: string): string {
  return hash('sha256', `${ruleId}\0${assetId}\0${key}`, 'hex').slice(0, 32);
}
