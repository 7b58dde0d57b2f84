import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Rule } from '../engine/rule.js';
import { plainText, ruleHelpMarkdown } from '../engine/rule-text.js';
import type { Finding } from '../model/finding.js';
import type { InputProblem } from '../model/problem.js';
import { SEVERITY_SCALE } from '../model/severity.js';
import { VERSION } from '../version.js';
import { inPieces } from './in-pieces.js';
import type { Report } from './report.js';

/** GitHub rejects a run with more results than this; it keeps the first 5,000, so the most severe come first. */
const MAX_RESULTS = 25_000;
const BASE = 'SRCROOT';

/** SARIF 2.1.0 as GitHub code scanning ingests it. */
export function renderSarif(report: Report): Iterable<string> {
  const ruleIndex = new Map(report.rules.map((rule, index) => [rule.id, index]));
  const artifacts = new ArtifactLocations(report.baseDirectory);
  const ranked = [...report.findings].sort((a, b) => SEVERITY_SCALE[b.severity].rank - SEVERITY_SCALE[a.severity].rank);
  const kept = ranked.slice(0, MAX_RESULTS);
  const problems = [...report.problems];
  if (ranked.length > kept.length) {
    problems.push({
      id: 'output/truncated',
      file: report.baseDirectory,
      message: `${ranked.length - kept.length} lowest-severity results were left out: GitHub rejects a run with more than ${MAX_RESULTS} results — use --format json for all of them`,
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

function* resultsOf(findings: readonly Finding[], ruleIndex: ReadonlyMap<string, number>, artifacts: ArtifactLocations): Generator<Sarif.Result> {
  for (const finding of findings) yield toResult(finding, ruleIndex.get(finding.ruleId), artifacts.of(finding.location.file));
}

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

function toResult(finding: Finding, ruleIndex: number | undefined, artifactLocation: Sarif.ArtifactLocation): Sarif.Result {
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: SEVERITY_SCALE[finding.severity].level,
    message: { text: finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation,
          region: {
            startLine: finding.location.line,
            ...(finding.location.column ? { startColumn: finding.location.column } : {}),
            ...(finding.location.endLine ? { endLine: finding.location.endLine } : {}),
            ...(finding.location.endColumn ? { endColumn: finding.location.endColumn } : {}),
          },
        },
        logicalLocations: [{ fullyQualifiedName: finding.asset.id, ...(finding.asset.name ? { name: finding.asset.name } : {}), kind: 'resource' }],
      },
    ],
    partialFingerprints: { 'parapet/v1': finding.fingerprint },
    properties: { asset: finding.asset },
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

/** Thousands of results point into one file: each file's location is worked out once. */
class ArtifactLocations {
  private readonly byFile = new Map<string, Sarif.ArtifactLocation>();

  constructor(private readonly baseDirectory: string) {}

  of(file: string): Sarif.ArtifactLocation {
    let location = this.byFile.get(file);
    if (!location) this.byFile.set(file, (location = artifactLocation(file, this.baseDirectory)));
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
