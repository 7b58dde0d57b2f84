import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Rule } from '../engine/rule.js';
import { compareRank } from '../engine/most-severe.js';
import { plainText, ruleHelpMarkdown } from '../engine/rule-text.js';
import type { Finding } from '../model/finding.js';
import type { InputProblem } from '../model/problem.js';
import { problemKind } from '../model/problem-kinds.js';
import { SEVERITY_SCALE } from '../model/severity.js';
import { VERSION } from '../version.js';
import { inPieces } from './in-pieces.js';
import { jsonText } from './json-text.js';
import type { Report } from './report.js';
import { MAX_SARIF_RESULTS } from './index.js';

/** GitHub keeps at most this many tags of a rule. */
export const MAX_TAGS = 20;
const BASE = 'SRCROOT';

/** SARIF 2.1.0 as GitHub code scanning ingests it. */
export function renderSarif(report: Report): Iterable<string> {
  const ruleIndex = new Map(report.rules.map((rule, index) => [rule.id, index]));
  const artifacts = new ArtifactLocations(report.baseDirectory);
  const ranked = [...report.findings].sort(compareRank);
  const kept = ranked.slice(0, MAX_SARIF_RESULTS);
  const problems = [...report.problems];
  const omitted = report.omitted + ranked.length - kept.length;
  if (omitted > 0) {
    problems.push({
      id: 'output/truncated',
      file: report.baseDirectory,
      message: `${omitted} lowest-severity results were left out: GitHub rejects a run with more than ${MAX_SARIF_RESULTS} results — use --format json for all of them`,
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
        automationDetails: { id: automationId(report.category) },
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
  for (const finding of findings) yield resultJson(finding, ruleIndex.get(finding.ruleId), artifacts);
}

function resultJson(finding: Finding, ruleIndex: number | undefined, artifacts: ArtifactLocations): string {
  const { location, asset } = finding;
  const region = `"startLine":${location.line}${location.column ? `,"startColumn":${location.column}` : ''}${location.endLine ? `,"endLine":${location.endLine}` : ''}${location.endColumn ? `,"endColumn":${location.endColumn}` : ''}`;
  const logical = `{"fullyQualifiedName":${json(asset.id)}${asset.name ? `,"name":${json(asset.name)}` : ''},"kind":"resource"}`;
  return (
    `{"ruleId":${json(finding.ruleId)}${ruleIndex === undefined ? '' : `,"ruleIndex":${ruleIndex}`},"level":${json(SEVERITY_SCALE[finding.severity].level)},` +
    `"message":{"text":${json(finding.message)}},` +
    `"locations":[{"physicalLocation":{"artifactLocation":${artifacts.of(location.file)},"region":{${region}}},"logicalLocations":[${logical}]}],` +
    `"partialFingerprints":{"parapet/v1":${json(finding.fingerprint)}},${statusJson(finding, artifacts)}"properties":{"asset":${json(asset)}}}`
  );
}

/** What the policy, a baseline and the fixer said of the finding, as SARIF's suppressions, baselineState and fixes. */
function statusJson({ suppression, baselineState, fix }: Finding, artifacts: ArtifactLocations): string {
  let text = '';
  if (suppression) {
    const { kind, justification, location } = suppression;
    text += `"suppressions":[{"kind":${json(kind)},"status":"accepted","justification":${json(justification)},"location":{"physicalLocation":{"artifactLocation":${artifacts.of(location.file)},"region":{"startLine":${location.line}}}}}],`;
  }
  if (baselineState) text += `"baselineState":${json(baselineState)},`;
  if (fix) {
    const replacements = fix.replacements.map(({ startLine, startColumn, endLine, endColumn, text: inserted }) => `{"deletedRegion":{"startLine":${startLine},"startColumn":${startColumn},"endLine":${endLine},"endColumn":${endColumn}},"insertedContent":{"text":${json(inserted)}}}`);
    text += `"fixes":[{"description":{"text":${json(fix.description)}},"artifactChanges":[{"artifactLocation":${artifacts.of(fix.file)},"replacements":[${replacements.join(',')}]}]}],`;
  }
  return text;
}

const json = (value: unknown): string => jsonText(value);

function toReportingDescriptor(rule: Rule): Sarif.ReportingDescriptor {
  const scale = SEVERITY_SCALE[rule.severity];
  return {
    id: rule.id,
    name: rule.id.replace(/(^|[/-])([a-z])/g, (_, __, letter: string) => letter.toUpperCase()),
    shortDescription: { text: rule.title },
    fullDescription: { text: clip(plainText(rule.rationale)) },
    help: { text: clip(plainText(rule.remediation)), markdown: ruleHelpMarkdown(rule) },
    defaultConfiguration: { level: scale.level },
    properties: { tags: allTags(rule).slice(0, MAX_TAGS), 'security-severity': scale.score, precision: 'high' },
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

/** GitHub rejects a descriptor, rule or notification, without a short and a full description and help. */
function notificationDescriptors(problems: InputProblem[]): Sarif.ReportingDescriptor[] {
  return [...new Set(problems.map((problem) => problem.id))].sort().map((id) => {
    const kind = problemKind(id);
    return { id, shortDescription: { text: kind.title }, fullDescription: { text: kind.description }, help: { text: kind.help } };
  });
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

/** A rule's tags as SARIF lists them, `security` first; the first MAX_TAGS are written. */
export function allTags(rule: Rule): string[] {
  return ['security', ...rule.tags.filter((tag) => tag !== 'security')];
}

/** GitHub reads `category/run`: uploads of one commit replace each other only when their categories are the same. */
function automationId(category = 'parapet'): string {
  return category.endsWith('/') ? category : `${category}/`;
}

function withTrailingSeparator(directory: string): string {
  return directory.endsWith(sep) ? directory : directory + sep;
}

function clip(text: string): string {
  return text.length <= 1024 ? text : `${text.slice(0, 1020)} …`;
}
