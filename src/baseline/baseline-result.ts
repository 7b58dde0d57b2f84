import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Sarif from 'sarif';
import type { Asset } from '../model/asset.js';
import { SEVERITIES, SEVERITY_SCALE, type Severity } from '../model/severity.js';

/** The key of the fingerprint Parapet writes into every SARIF result (src/reporters/sarif.ts). */
export const FINGERPRINT_KEY = 'parapet/v1';

type Level = 'error' | 'warning' | 'note';

/** One result of a baseline, as much of a Finding as SARIF carries. */
export interface BaselineResult {
  ruleId: string;
  /** The result's SARIF level: what a severity is compared on when the exact severity is not known. */
  level: Level;
  /** The rule's severity when the log's rule descriptor agrees with the level, else the severity the level stands for. */
  severity: Severity;
  /** Whether `severity` is the finding's own (read from its rule) rather than guessed from its level. */
  severityExact: boolean;
  message: string;
  fingerprint: string;
  location: BaselineLocation;
  asset: Asset;
}

/** Where the result was: its artifact's URI (relative to the scan's base directory, or an absolute file URI) and region. */
export interface BaselineLocation {
  uri: string;
  relative: boolean;
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

const LEVEL_SEVERITY: Record<Level, Severity> = { error: 'high', warning: 'medium', note: 'low' };
const ASSET_KINDS: readonly Asset['kind'][] = ['sshd', 'ufw', 'windows-firewall', 'aws-security-group', 'aws-lightsail-instance', 'azure-nsg', 'azure-admin-rules', 'azure-firewall', 'gcp-network', 'gcp-firewall-policy'];

/** The result as a baseline holds it, or what it lacks (in words that quote none of it). */
export function baselineResultOf(result: Sarif.Result, ruleScores: ReadonlyMap<string, unknown>): BaselineResult | string {
  const fingerprint = result.partialFingerprints?.[FINGERPRINT_KEY];
  if (typeof fingerprint !== 'string' || fingerprint === '') return `it has no ${FINGERPRINT_KEY} fingerprint`;
  const { ruleId, level } = result;
  if (typeof ruleId !== 'string') return 'it has no rule id';
  if (level !== 'error' && level !== 'warning' && level !== 'note') return 'it has no level';
  const message = result.message?.text;
  if (typeof message !== 'string') return 'it has no message';
  const location = locationOf(result);
  if (!location) return 'it has no file and line';
  const asset = assetOf(result);
  if (!asset) return 'it has no asset';
  const ruleSeverity = SEVERITIES.find((severity) => SEVERITY_SCALE[severity].score === ruleScores.get(ruleId));
  const severityExact = ruleSeverity !== undefined && SEVERITY_SCALE[ruleSeverity].level === level;
  return { ruleId, level, severity: severityExact ? ruleSeverity : LEVEL_SEVERITY[level], severityExact, message, fingerprint, location, asset };
}

/** Whether a finding of this severity and message is the result unchanged (a line that moved changes neither). */
export function sameJudgement(result: BaselineResult, severity: Severity, message: string, resultMessage = result.message): boolean {
  const sameSeverity = result.severityExact ? result.severity === severity : SEVERITY_SCALE[severity].level === result.level;
  return sameSeverity && resultMessage === message;
}

/** The file of the result on this machine: a relative URI is taken from the current base directory, not the baseline's. */
export function resultFile(location: BaselineLocation, baseDirectory: string): string | undefined {
  try {
    if (!location.relative) return fileURLToPath(location.uri);
    const path = location.uri.split('/').map(decodeURIComponent).join('/');
    return isAbsolute(path) ? undefined : resolve(baseDirectory, path);
  } catch {
    return undefined;
  }
}

function locationOf(result: Sarif.Result): BaselineLocation | undefined {
  const physical = result.locations?.[0]?.physicalLocation;
  const uri = physical?.artifactLocation?.uri;
  const region = physical?.region;
  if (typeof uri !== 'string' || !isLine(region?.startLine)) return undefined;
  const relative = physical!.artifactLocation!.uriBaseId !== undefined || !uri.startsWith('file:');
  return {
    uri,
    relative,
    line: region!.startLine!,
    ...(isLine(region!.startColumn) ? { column: region!.startColumn } : {}),
    ...(isLine(region!.endLine) ? { endLine: region!.endLine } : {}),
    ...(isLine(region!.endColumn) ? { endColumn: region!.endColumn } : {}),
  };
}

/** The asset as Parapet wrote it into the result's properties. */
function assetOf(result: Sarif.Result): Asset | undefined {
  const asset: unknown = result.properties?.asset;
  if (typeof asset !== 'object' || asset === null) return undefined;
  const { kind, id } = asset as Record<string, unknown>;
  if (typeof id !== 'string' || !ASSET_KINDS.includes(kind as Asset['kind'])) return undefined;
  const copy: Asset = { kind: kind as Asset['kind'], id };
  for (const name of ['name', 'account', 'region', 'within'] as const) {
    const value = (asset as Record<string, unknown>)[name];
    if (typeof value === 'string') copy[name] = value;
  }
  return copy;
}

function isLine(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 1;
}
