import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { straceUnavailable } from '../boundary/traced-cli.js';
import { childOutput } from '../support/child-output.js';

export const REPOSITORY = new URL('../../', import.meta.url).pathname;

interface ActionYml {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; main: string };
}

export function readActionYml(directory = REPOSITORY): ActionYml {
  return parse(readFileSync(join(directory, 'action.yml'), 'utf8')) as ActionYml;
}

/**
 * What the runner downloads for `uses: owner/parapet@ref`: the repository's files as they would be committed (tracked
 * and new files, not the ignored ones: no node_modules, no dist/), in a directory of their own.
 */
export function copyOfRepository(): string {
  const copy = mkdtempSync(join(tmpdir(), 'parapet-action-'));
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: REPOSITORY, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of files) {
    const from = join(REPOSITORY, file);
    if (!existsSync(from) || !lstatSync(from).isFile()) continue;
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    copyFileSync(from, join(copy, file));
  }
  return copy;
}

export interface Annotation {
  level: string;
  properties: Record<string, string>;
  message: string;
}

export interface ActionRun {
  status: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
  /** Workflow commands on standard output that annotate (`::error file=…,line=…,title=…::message`). */
  annotations: Annotation[];
  /** With `trace`: every path a file system call of the run named, made absolute (what it read, or tried to). */
  touched: string[];
}

/** A workflow's GitHub context, as the runner gives it to an action. */
export const GITHUB = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'octo-org/infra', GITHUB_SHA: '2b7e151628aed2a6abf7158809cf4f3c762e7160' };

export interface RunOptions {
  trace?: boolean;
  /** Further environment (cloud credentials; a PATH of its own). */
  env?: Record<string, string>;
}

interface PreparedRun {
  command: string[];
  env: Record<string, string>;
  finish(status: number | null, stdout: string, stderr: string): ActionRun;
}

/**
 * Runs the action in `actionDirectory` as the runner does: `node <runs.main>` in the workspace, every input of action.yml
 * set as `INPUT_<NAME>` (upper case, hyphens kept) from `inputs` or its default, and the files for the summary and the
 * outputs outside the workspace.
 */
export function runAction(actionDirectory: string, workspace: string, inputs: Record<string, string> = {}, options: RunOptions = {}): ActionRun {
  const run = prepareRun(actionDirectory, workspace, inputs, options);
  const result = spawnSync(run.command[0], run.command.slice(1), { cwd: workspace, env: run.env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return run.finish(result.status, result.stdout, result.stderr);
}

/** runAction without blocking this process: a local cloud server the Action talks to answers from this process's event loop. */
export async function runActionAsync(actionDirectory: string, workspace: string, inputs: Record<string, string> = {}, options: RunOptions = {}): Promise<ActionRun> {
  const run = prepareRun(actionDirectory, workspace, inputs, options);
  const child = spawn(run.command[0], run.command.slice(1), { cwd: workspace, env: run.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const { status, stdout, stderr } = await childOutput(child);
  return run.finish(status, stdout, stderr);
}

function prepareRun(actionDirectory: string, workspace: string, inputs: Record<string, string>, options: RunOptions): PreparedRun {
  const action = readActionYml(actionDirectory);
  const files = mkdtempSync(join(tmpdir(), 'parapet-runner-files-'));
  const trace = join(files, 'trace');
  const summaryFile = join(files, 'step_summary');
  const outputFile = join(files, 'set_output');
  writeFileSync(summaryFile, '');
  writeFileSync(outputFile, '');
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', GITHUB_WORKSPACE: workspace, GITHUB_STEP_SUMMARY: summaryFile, GITHUB_OUTPUT: outputFile, GITHUB_ACTIONS: 'true', ...GITHUB, ...options.env };
  for (const [name, input] of Object.entries(action.inputs)) {
    env[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? (input.default ?? '').replace('${{ github.workspace }}', workspace);
  }
  const command = [process.execPath, join(actionDirectory, action.runs.main)];
  const traced = options.trace === true && straceUnavailable() === undefined;
  if (traced) command.unshift('strace', '-f', '-qq', '-e', 'trace=%file', '-o', trace);
  return {
    command,
    env,
    finish: (status, stdout, stderr) => ({
      status,
      stdout,
      stderr,
      summary: readFileSync(summaryFile, 'utf8'),
      outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
      annotations: parseAnnotations(stdout),
      touched: traced ? tracedPaths(readFileSync(trace, 'utf8'), workspace) : [],
    }),
  };
}

/** The first path argument of each traced call, as test/boundary/traced-cli.ts reads them. */
function tracedPaths(trace: string, cwd: string): string[] {
  return trace
    .split('\n')
    .map((line) => /^\d+\s+\w+\((?:AT_FDCWD|-?\d+), "([^"]*)"|^\d+\s+\w+\("([^"]*)"/.exec(line))
    .flatMap((match) => (match ? [match[1] ?? match[2]] : []))
    .filter((path) => path !== '')
    .map((path) => resolve(cwd, path));
}

/** `name<<delimiter`, the value's lines, `delimiter`: the format of $GITHUB_OUTPUT. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (!heredoc) continue;
    const end = lines.indexOf(heredoc[2], i + 1);
    outputs[heredoc[1]] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return outputs;
}

function parseAnnotations(stdout: string): Annotation[] {
  const annotations: Annotation[] = [];
  for (const line of stdout.split('\n')) {
    const command = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!command) continue;
    const properties = Object.fromEntries((command[2] ?? '').split(',').filter(Boolean).map((pair) => {
      const at = pair.indexOf('=');
      return [pair.slice(0, at), unescapeProperty(pair.slice(at + 1))];
    }));
    annotations.push({ level: command[1], properties, message: unescapeData(command[3]) });
  }
  return annotations;
}

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(text: string): string {
  return unescapeData(text.replace(/%3A/g, ':').replace(/%2C/g, ','));
}
