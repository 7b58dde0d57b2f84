import type * as Sarif from 'sarif';
import { compareText } from '../engine/compare-text.js';
import { problemKind } from '../model/problem-kinds.js';
import { SEVERITIES, SEVERITY_SCALE } from '../model/severity.js';
import { inPieces } from './in-pieces.js';
import { MAX_SARIF_RESULTS } from './index.js';
import { jsonText } from './json-text.js';

/**
 * `parapet merge`: the SARIF logs of the shards of a sweep (or of several scans) joined into the one run GitHub code
 * scanning expects of one category — an upload replaces the previous one of its category, so shards uploaded one by
 * one would each close the others' alerts.
 */

const FINGERPRINT = 'parapet/v1';

/** Why a parsed JSON value is not a SARIF log Parapet wrote, in words that quote none of it; undefined when it is one. */
export function notParapetSarif(log: unknown): string | undefined {
  if (!isObject(log) || log.version !== '2.1.0' || !Array.isArray(log.runs)) return 'it is not a SARIF 2.1.0 log';
  if (log.runs.length === 0) return 'it has no runs';
  for (const run of log.runs as unknown[]) {
    const driver = isObject(run) && isObject(run.tool) ? run.tool.driver : undefined;
    if (!isObject(run) || !isObject(driver) || driver.name !== 'parapet') return 'a run in it was not written by Parapet';
    if (!isListOfObjects(run.results)) return 'a run in it has no list of results';
    const invocations = run.invocations ?? [];
    const lists = [driver.rules, driver.notifications, invocations, ...(isListOfObjects(invocations) ? invocations.map((invocation) => invocation.toolExecutionNotifications) : [])];
    if (lists.some((list) => list !== undefined && !isListOfObjects(list))) return 'a run in it is malformed';
  }
  return undefined;
}

/**
 * The runs of the logs (each accepted by notParapetSarif) as one log of one run, as JSON text in pieces: results
 * deduplicated by fingerprint (the first kept) and ordered as Parapet's reporter orders them, at most GitHub's limit
 * of them; rules and notification descriptors joined by id; every run's notifications kept (a copy of one already
 * kept is dropped: each shard reports a listing that failed); the first run's tool, category and base directory.
 */
export function mergeSarif(logs: readonly Sarif.Log[]): Iterable<string> {
  const runs = logs.flatMap((log) => log.runs);
  const first = runs[0];
  const rules = unionById(runs.flatMap((run) => run.tool.driver.rules ?? []));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const notifications = uniqueNotifications(runs.flatMap((run) => (run.invocations ?? []).flatMap((invocation) => invocation.toolExecutionNotifications ?? [])));
  const descriptors = runs.flatMap((run) => run.tool.driver.notifications ?? []);

  const ranked = rankedResults(uniqueResults(runs.flatMap((run) => run.results ?? [])), rules);
  const kept = ranked.slice(0, MAX_SARIF_RESULTS);
  const omitted = ranked.length - kept.length;
  if (omitted > 0) {
    const base = first.originalUriBaseIds?.SRCROOT?.uri;
    // The words and place sarif.ts gives the notification when a scan leaves results out.
    notifications.push({
      level: 'warning',
      message: { text: `${omitted} lowest-severity results were left out: GitHub rejects a run with more than ${MAX_SARIF_RESULTS} results — use --format json for all of them.` },
      descriptor: { id: 'output/truncated' },
      ...(base ? { locations: [{ physicalLocation: { artifactLocation: { uri: base } } }] } : {}),
    });
    const kind = problemKind('output/truncated');
    descriptors.push({ id: 'output/truncated', shortDescription: { text: kind.title }, fullDescription: { text: kind.description }, help: { text: kind.help } });
  }

  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { ...first.tool.driver, rules, notifications: unionById(descriptors).sort((a, b) => compareText(a.id, b.id)) } },
        automationDetails: first.automationDetails,
        originalUriBaseIds: first.originalUriBaseIds,
        columnKind: first.columnKind,
        invocations: [{ executionSuccessful: !notifications.some((notification) => notification.level === 'error'), toolExecutionNotifications: notifications }],
        results: [],
      },
    ],
  };
  return inPieces(log, resultsWithRuleIndex(kept, ruleIndex));
}

/** Each result as JSON text, its ruleIndex pointing into the merged rules (each log numbered its own). */
function* resultsWithRuleIndex(results: readonly Sarif.Result[], ruleIndex: ReadonlyMap<string, number>): Generator<string> {
  for (const result of results) {
    const index = result.ruleId === undefined ? undefined : ruleIndex.get(result.ruleId);
    yield jsonText({ ...result, ruleIndex: index });
  }
}

function unionById<T extends { id: string }>(items: readonly T[]): T[] {
  const byId = new Map<string, T>();
  for (const item of items) if (!byId.has(item.id)) byId.set(item.id, item);
  return [...byId.values()];
}

/** The first result of each fingerprint; a result without one (not Parapet's) is kept as it is. */
function uniqueResults(results: readonly Sarif.Result[]): Sarif.Result[] {
  const seen = new Set<string>();
  return results.filter((result) => {
    const fingerprint = result.partialFingerprints?.[FINGERPRINT];
    if (typeof fingerprint !== 'string') return true;
    if (seen.has(fingerprint)) return false;
    seen.add(fingerprint);
    return true;
  });
}

function uniqueNotifications(notifications: readonly Sarif.Notification[]): Sarif.Notification[] {
  const seen = new Set<string>();
  return notifications.filter((notification) => {
    const text = jsonText(notification);
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}

interface RankedResult {
  result: Sarif.Result;
  rank: number;
  file: string;
  line: number;
  ruleId: string;
  fingerprint: string;
}

/**
 * In compareRank's order (src/engine/most-severe.ts): the most severe first, then by file, line, rule and — in place
 * of the finding's key, which SARIF does not carry — its fingerprint. A result's severity is its rule's (rules decide
 * their findings' severity), read back from the rule's security-severity; its level when the rule is unknown.
 */
function rankedResults(results: readonly Sarif.Result[], rules: readonly Sarif.ReportingDescriptor[]): Sarif.Result[] {
  const rankByRule = new Map(rules.map((rule) => [rule.id, severityRank(rule.properties?.['security-severity'])]));
  const ranked: RankedResult[] = results.map((result) => {
    const physical = result.locations?.[0]?.physicalLocation;
    return {
      result,
      rank: (result.ruleId === undefined ? undefined : rankByRule.get(result.ruleId)) ?? LEVEL_RANK[result.level ?? 'none'] ?? 0,
      file: String(physical?.artifactLocation?.uri ?? ''),
      line: Number(physical?.region?.startLine ?? 0),
      ruleId: String(result.ruleId ?? ''),
      fingerprint: String(result.partialFingerprints?.[FINGERPRINT] ?? ''),
    };
  });
  ranked.sort((a, b) => b.rank - a.rank || compareText(a.file, b.file) || a.line - b.line || compareText(a.ruleId, b.ruleId) || compareText(a.fingerprint, b.fingerprint));
  return ranked.map((entry) => entry.result);
}

const LEVEL_RANK: Record<string, number> = { error: SEVERITY_SCALE.high.rank, warning: SEVERITY_SCALE.medium.rank, note: SEVERITY_SCALE.low.rank };

function severityRank(score: unknown): number | undefined {
  const severity = SEVERITIES.find((candidate) => SEVERITY_SCALE[candidate].score === score);
  return severity === undefined ? undefined : SEVERITY_SCALE[severity].rank;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isListOfObjects(value: unknown): value is Record<string, unknown>[] {
  return Array.isArray(value) && value.every(isObject);
}
