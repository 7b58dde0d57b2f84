import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Rule } from '../engine/rule.js';
import { compareRank } from '../engine/most-severe.js';
import { plainText, ruleHelpMarkdown } from '../engine/rule-text.js';
import type { Finding } from '../model/finding.js';
import type { InputProblem } from '../model/problem.js';
import { SEVERITY_SCALE } from '../model/severity.js';
import { VERSION } from '../version.js';
import { inPieces } from './in-pieces.js';
import type { Report } from './report.js';

/** GitHub rejects a run with more results than this; it keeps the first 5,000, so the most severe come first. */
export const MAX_RESULTS = 25_000;
const BASE = 'SRCROOT';

/** SARIF 2.1.0 as GitHub code scanning ingests it. */
export function renderSarif(report: Report): Iterable<string> {
  const ruleIndex = new Map(report.rules.map((rule, index) => [rule.id, index]));
  const artifacts = new ArtifactLocations(report.baseDirectory);
  const ranked = [...report.findings].sort(compareRank);
  const kept = ranked.slice(0, MAX_RESULTS);
  const problems = [...report.problems];
  const omitted = report.omitted + ranked.length - kept.length;
  if (omitted > 0) {
    problems.push({
      id: 'output/truncated',
      file: report.baseDirectory,
      message: `${omitted} lowest-severity results were left out: GitHub rejects a run with more than ${MAX_RESULTS} results — use --format json for all of them`,
      level: 'warning',
    });
  }
  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'parapet',
            semanticVersion: VERSION,
            version: VERSION,
            rules: report.rules.map(toReportingDescriptor),
            notifications: notificationDescriptors(problems),
          },
        },
        automationDetails: { id: 'parapet/' },
        originalUriBaseIds: { [BASE]: { uri: pathToFileURL(withTrailingSeparator(report.baseDirectory)).href } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: !problems.some((problem) => problem.level === 'error'),
            toolExecutionNotifications: problems.map((problem) => toNotification(problem, report.baseDirectory)),
          },
        ],
        results: [],
      },
    ],
  };
  return inPieces(log, resultsOf(kept, ruleIndex, artifacts));
}

/** Each result as JSON text: written out field by field, as JSON.stringify of tens of thousands of objects costs several times more. */
function* resultsOf(findings: readonly Finding[], ruleIndex: ReadonlyMap<string, number>, artifacts: ArtifactLocations): Generator<string> {
  for (const finding of findings) yield resultJson(finding, ruleIndex.get(finding.ruleId), artifacts.of(finding.location.file));
}

function resultJson(finding: Finding, ruleIndex: number | undefined, artifactLocation: string): string {
  const { location, asset } = finding;
  const region = `"startLine":${location.line}${location.column ? `,"startColumn":${location.column}` : ''}${location.endLine ? `,"endLine":${location.endLine}` : ''}${location.endColumn ? `,"endColumn":${location.endColumn}` : ''}`;
  const logical = `{"fullyQualifiedName":${json(asset.id)}${asset.name ? `,"name":${json(asset.name)}` : ''},"kind":"resource"}`;
  return (
    `{"ruleId":${json(finding.ruleId)}${ruleIndex === undefined ? '' : `,"ruleIndex":${ruleIndex}`},"level":${json(SEVERITY_SCALE[finding.severity].level)},` +
    `"message":{"text":${json(finding.message)}},` +
    `"locations":[{"physicalLocation":{"artifactLocation":${artifactLocation},"region":{${region}}},"logicalLocations":[${logical}]}],` +
    `"partialFingerprints":{"parapet/v1":${json(finding.fingerprint)}},"properties":{"asset":${json(asset)}}}`
  );
}

const json = (value: unknown): string => JSON.stringify(value);

function toReportingDescriptor(rule: Rule): Sarif.ReportingDescriptor {
  const scale = SEVERITY_SCALE[rule.severity];
  return {
    id: rule.id,
    name: rule.id.replace(/(^|[/-])([a-z])/g, (_, __, letter: string) => letter.toUpperCase()),
    shortDescription: { text: rule.title },
    fullDescription: { text: clip(plainText(rule.rationale)) },
    help: { text: clip(plainText(rule.remediation)), markdown: ruleHelpMarkdown(rule) },
    defaultConfiguration: { level: scale.level },
    properties: { tags: ['security', ...rule.tags.filter((tag) => tag !== 'security')].slice(0, 20), 'security-severity': scale.score, precision: 'high' },
  };
}

function toNotification(problem: InputProblem, baseDirectory: string): Sarif.Notification {
  return {
    level: problem.level,
    message: { text: problem.message.endsWith('.') ? problem.message : `${problem.message}.` },
    descriptor: { id: problem.id },
    locations: [
      {
        physicalLocation: {
          artifactLocation: artifactLocation(problem.file, baseDirectory),
          ...(problem.line ? { region: { startLine: problem.line } } : {}),
        },
      },
    ],
  };
}

function notificationDescriptors(problems: InputProblem[]): Sarif.ReportingDescriptor[] {
  return [...new Set(problems.map((problem) => problem.id))].sort().map((id) => ({ id, shortDescription: { text: `Input problem ${id}.` } }));
}

/** Thousands of results point into one file: each file's location is worked out once, as JSON. */
class ArtifactLocations {
  private readonly byFile = new Map<string, string>();

  constructor(private readonly baseDirectory: string) {}

  of(file: string): string {
    let location = this.byFile.get(file);
    if (!location) this.byFile.set(file, (location = JSON.stringify(artifactLocation(file, this.baseDirectory))));
    return location;
  }
}

/** Relative to the base directory when inside it (GitHub matches it against the repository), else an absolute file URI. */
function artifactLocation(file: string, baseDirectory: string): Sarif.ArtifactLocation {
  const fromBase = relative(baseDirectory, file);
  if (fromBase && !fromBase.startsWith('..') && !isAbsolute(fromBase)) {
    return { uri: fromBase.split(sep).map(encodeURIComponent).join('/'), uriBaseId: BASE };
  }
  return { uri: pathToFileURL(file).href };
}

function withTrailingSeparator(directory: string): string {
  return directory.endsWith(sep) ? directory : directory + sep;
}

function clip(text: string): string {
  return text.length <= 1024 ? text : `${text.slice(0, 1020)} …`;
}
