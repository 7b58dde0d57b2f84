import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ExampleLines, RuleExamples } from './rule-example.js';

/** `# ruleid: net/x`, `// ruleid: net/x`, `# ok: net/x`: the fixtures' Semgrep-style expectations. */
const ANNOTATION = /^\s*(?:#|\/\/)\s*(ruleid|ok):\s*([\w/-]+)\s*$/;
/** Lines shown around a flagged line of a bad fixture, and around the matching line of a good one. */
const BAD_CONTEXT = 2;
const GOOD_CONTEXT = 1;
/** Lines of a good fixture shown when no line matches the flagged one. */
const GOOD_HEAD = 6;
/** Longest line shown: fixtures of cloud exports have long ones. */
const WIDTH = 160;

interface FixtureFile {
  /** Relative to the repository: fixtures/<rule>/<name>[/<path>]. */
  file: string;
  /** The variant: 'sshd_config', 'aws.json', 'default.sshd_config'. */
  variant: string;
  /** The lines a scan sees: annotations removed. */
  lines: string[];
  /** Indexes into `lines` that carry a `ruleid:` for the rule. */
  flagged: number[];
  /** Indexes into `lines` that carry an `ok:` for the rule. */
  ok: number[];
}

/**
 * The bad and good examples of every rule with fixtures under `repository`/fixtures: from a bad fixture, the first line
 * its annotations flag for the rule with a few lines around it (preferring a line the configuration writes over a
 * compiled-in default); from the good fixture of the same kind, the line of the same keyword (or key) and its neighbours.
 */
export function fixtureExamples(repository: string, ruleIds: readonly string[]): Record<string, RuleExamples> {
  const examples: Record<string, RuleExamples> = {};
  for (const id of ruleIds) {
    const directory = join(repository, 'fixtures', id);
    let names: string[];
    try {
      names = readdirSync(directory).sort();
    } catch {
      examples[id] = {};
      continue;
    }
    const files = names.flatMap((name) => filesOf(join(directory, name)).map((path) => readFixture(repository, path, name, id)));
    const bad = chooseBad(files.filter((file) => basenameOf(file).startsWith('bad') && file.flagged.length > 0));
    const good = files.filter((file) => basenameOf(file).startsWith('good'));
    examples[id] = { ...(bad && { bad: badExample(bad) }), ...(bad && good.length > 0 && { good: goodExample(bad, good) }) };
  }
  return examples;
}

function basenameOf(file: FixtureFile): string {
  return file.file.split('/')[3];
}

function filesOf(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).sort().flatMap((name) => filesOf(join(path, name)));
}

function readFixture(repository: string, path: string, name: string, id: string): FixtureFile {
  const lines: string[] = [];
  const flagged: number[] = [];
  const ok: number[] = [];
  let pending: 'ruleid' | 'ok' | undefined;
  for (const raw of readFileSync(path, 'utf8').replace(/\n$/, '').split('\n')) {
    const line = raw.replace(/\r$/, '');
    const annotation = ANNOTATION.exec(line);
    if (annotation) {
      if (annotation[2] === id) pending = annotation[1] === 'ruleid' ? 'ruleid' : (pending ?? 'ok');
      continue;
    }
    if (pending === 'ruleid') flagged.push(lines.length);
    if (pending === 'ok') ok.push(lines.length);
    pending = undefined;
    lines.push(line);
  }
  return { file: relative(repository, path).split('\\').join('/'), variant: name.replace(/^(bad|good)\.?/, ''), lines, flagged, ok };
}

/** The kinds of input an example is best read in, most readable first; others come after, in name order. */
const PREFERRED_KINDS = ['sshd_config', 'terraform.tf', 'aws.json', 'ufw-verbose.txt'];

/**
 * A fixture that flags a line the configuration writes (not a compiled-in default, flagged at line 1, nor a Match
 * block), the plain `bad.<kind>` before its variants, in the most readable kind.
 */
function chooseBad(candidates: FixtureFile[]): FixtureFile | undefined {
  const rank = (kind: string) => (PREFERRED_KINDS.includes(kind) ? PREFERRED_KINDS.indexOf(kind) : PREFERRED_KINDS.length);
  const score = (file: FixtureFile) =>
    (file.flagged[0] === 0 ? 1000 : 0) + (/(^|\.)(default|match)\./.test(file.variant) ? 100 : 0) + (PREFERRED_KINDS.includes(file.variant) ? 0 : 10) + rank(kindOf(file.variant));
  return [...candidates].sort((a, b) => score(a) - score(b))[0];
}

/** 'sshd_config' of 'default.sshd_config', 'aws.json' of 'aws.json'. */
function kindOf(variant: string): string {
  return PREFERRED_KINDS.find((kind) => variant === kind || variant.endsWith(`.${kind}`)) ?? variant;
}

function badExample(file: FixtureFile): ExampleLines {
  const first = file.flagged[0];
  return excerpt(file, first - BAD_CONTEXT, first + BAD_CONTEXT, new Set(file.flagged));
}

/** The good fixture of the bad one's kind, and in it the line of the flagged line's keyword (or JSON key, or first word). */
function goodExample(bad: FixtureFile, good: FixtureFile[]): ExampleLines {
  const kind = (variant: string) => variant.split('.').slice(-1)[0];
  const sameKind = good.filter((file) => kind(file.variant) === kind(bad.variant));
  const pool = sameKind.length > 0 ? sameKind : good;
  const file = pool.find((candidate) => candidate.variant === bad.variant) ?? pool.find((candidate) => !candidate.variant.includes('.')) ?? pool[0];
  const key = firstWord(bad.lines[bad.flagged[0]]);
  const matching = /\w/.test(key) ? file.lines.findIndex((line) => !isComment(line) && firstWord(line) === key) : -1;
  if (matching >= 0) return excerpt(file, matching - GOOD_CONTEXT, matching + GOOD_CONTEXT, new Set([matching]));
  if (file.ok.length > 0) return excerpt(file, file.ok[0] - GOOD_CONTEXT, file.ok[0] + GOOD_CONTEXT, new Set(file.ok));
  const start = file.lines.findIndex((line) => line.trim() !== '' && !isComment(line));
  return excerpt(file, Math.max(0, start), Math.max(0, start) + GOOD_HEAD - 1, new Set());
}

function excerpt(file: FixtureFile, from: number, to: number, marked: Set<number>): ExampleLines {
  let start = Math.max(0, from);
  let end = Math.min(file.lines.length - 1, to);
  // Blank lines at the edges say nothing.
  while (start < end && file.lines[start].trim() === '' && !marked.has(start)) start++;
  while (end > start && file.lines[end].trim() === '' && !marked.has(end)) end--;
  const lines: string[] = [];
  const shownMarked: number[] = [];
  for (let index = start; index <= end; index++) {
    if (marked.has(index)) shownMarked.push(lines.length);
    lines.push(file.lines[index].length > WIDTH ? `${file.lines[index].slice(0, WIDTH - 1)}…` : file.lines[index]);
  }
  return { file: file.file, lines, marked: shownMarked };
}

function firstWord(line: string | undefined): string {
  return (line ?? '').trim().split(/[\s=]+/)[0].toLowerCase();
}

function isComment(line: string): boolean {
  return /^\s*(#|\/\/)/.test(line);
}
