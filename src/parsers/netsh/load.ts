import type { LoadInput, LoadResult } from '../../inputs/input-format.js';
import { problemAt, type InputProblem } from '../../model/problem.js';
import { redacted } from '../../model/quote.js';
import { redecodeLatin1 } from './code-pages.js';
import { readNetshText } from './netsh-text.js';
import { JOIN_COMMAND, readPowerShellJson } from './powershell-json.js';
import { windowsFirewallAsset } from './windows-asset.js';

const EXPORT_ADVICE = `export with PowerShell instead, which is the same in every language: ${JOIN_COMMAND}`;

/** A Windows firewall capture (netsh text in English or German, or PowerShell JSON) → one network asset. */
export const loadWindowsFirewall: LoadInput = (file) => {
  const text = file.encoding === 'latin1' ? redecodeLatin1(file.text).text : file.text;
  const result = /^\s*[[{]/.test(text.slice(0, 4096)) ? loadPowerShellJson(file.path, text) : loadNetshText(file.path, text);
  return { ...result, problems: capped(file.path, result.problems) };
};

const MAX_PROBLEMS = 100;

/** A damaged file can hold a problem per line; a hundred say enough, and the count says the rest. */
function capped(path: string, problems: InputProblem[]): InputProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const rest = problems.slice(MAX_PROBLEMS);
  const level = rest.some((problem) => problem.level === 'error') ? 'error' : 'warning';
  return [...problems.slice(0, MAX_PROBLEMS), problemAt('netsh/more-problems', { file: path }, `${rest.length} more problems like the ones above are not listed — capture the firewall again, unedited`, level)];
}

function loadNetshText(path: string, text: string): LoadResult {
  const capture = readNetshText(path, text);
  const problems = [...capture.problems];
  if (capture.noMatch) {
    problems.push(problemAt('netsh/no-rules', { file: path, line: capture.noMatch.line }, `no rules: nothing could be judged — netsh printed "${redacted(capture.noMatch.text, 120)}"; capture \`netsh advfirewall firewall show rule name=all\``));
    if (capture.rules.length === 0 && capture.profiles.length === 0) return { models: [], problems };
  }
  if (capture.rules.length === 0 && capture.profiles.length === 0) {
    const message = capture.foreignLayoutLine !== undefined
      ? `netsh output in a language Parapet does not read (labels are neither English nor German) — not judged; ${EXPORT_ADVICE}`
      : `no netsh rule blocks (Rule Name:) or profile blocks (Profile Settings:) found — not judged; capture \`netsh advfirewall firewall show rule name=all\` and \`netsh advfirewall show allprofiles\``;
    problems.push(problemAt(capture.foreignLayoutLine !== undefined ? 'netsh/unknown-language' : 'input/unparseable', { file: path, line: capture.foreignLayoutLine }, message));
    return { models: [], problems };
  }
  const { model, problems: assetProblems } = windowsFirewallAsset(path, capture.rules, capture.profiles);
  return { models: [model], problems: [...problems, ...assetProblems] };
}

function loadPowerShellJson(path: string, text: string): LoadResult {
  const exported = readPowerShellJson(path, text);
  const problems = [...exported.problems];
  if (problems.some((problem) => problem.id === 'input/unparseable')) return { models: [], problems };
  if (exported.filtersMissing) {
    problems.push(problemAt('netsh/filters-missing', { file: path }, `Get-NetFirewallRule output has no Protocol, LocalPort or RemoteAddress: nothing could be judged — join the port and address filters: ${JOIN_COMMAND}`));
    return { models: [], problems };
  }
  if (exported.rules.length === 0 && exported.profiles.length === 0) {
    problems.push(problemAt('netsh/no-rules', { file: path }, `no rules: nothing could be judged — the JSON holds no firewall rule or profile objects; ${EXPORT_ADVICE}`));
    return { models: [], problems };
  }
  const { model, problems: assetProblems } = windowsFirewallAsset(path, exported.rules, exported.profiles);
  return { models: [model], problems: [...problems, ...assetProblems] };
}
