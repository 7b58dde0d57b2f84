import { readInputFile } from '../inputs/input-file.js';
import { dumpConfig } from '../parsers/sshd/dump.js';
import { SshdEvaluation } from '../parsers/sshd/effective.js';
import { machineEnvironment } from '../parsers/sshd/machine.js';
import { a2port, type ConnectionSpec } from '../parsers/sshd/match-criteria.js';
import { ConfigReader } from '../parsers/sshd/reader.js';
import type { ConfigIssue } from '../parsers/sshd/walk.js';

const MAX_BYTES = 16 * 1024 * 1024;
const FIELDS = ['user', 'host', 'addr', 'laddr', 'lport', 'rdomain'] as const;

/**
 * `sshd -T -f FILE -C spec` without sshd: the effective configuration of one connection, printed exactly as
 * OpenSSH 9.2 prints it. Exit 2 (sshd: 255) with `file:line: message` when sshd would refuse the configuration.
 */
export function sshdEffective(file: string, spec: Record<string, string>, root?: string): { stdout: string; stderr: string; exitCode: number } {
  const refuse = (lines: string[]) => ({ stdout: '', stderr: lines.map((line) => `${line}\n`).join(''), exitCode: 2 });
  const environment = machineEnvironment();
  const connection: ConnectionSpec = {};
  for (const [field, value] of Object.entries(spec)) {
    if (!(FIELDS as readonly string[]).includes(field)) return refuse([`Invalid test mode specification ${field}=${value} — use one of ${FIELDS.join(', ')}`]);
    if (field === 'lport') {
      const port = a2port(value, environment);
      if (port === -1) return refuse([`Invalid port '${value}' in test mode specification lport=${value}`]);
      connection.lport = port;
    } else connection[field as Exclude<(typeof FIELDS)[number], 'lport'>] = value;
  }
  const main = readInputFile(root && file.startsWith('/') ? root + file : file, MAX_BYTES);
  if (!('text' in main)) return refuse([`${main.file}: ${main.message}`]);
  const reader = new ConfigReader(ConfigReader.parse(main.path, main.text), (path) => readInputFile(path, MAX_BYTES), root ?? '');
  const evaluation = new SshdEvaluation(reader, environment);
  const warnings = reader.problems.map((problem) => `${problem.file}:${problem.line}: warning: ${problem.message}\n`).join('');
  if (evaluation.issues.length > 0) return refuse(evaluation.issues.map(formatIssue));
  const { options, issues } = evaluation.forConnection(connection);
  if (issues.length > 0) return refuse(issues.map(formatIssue));
  return { stdout: dumpConfig(options).map((line) => `${line}\n`).join(''), stderr: warnings, exitCode: 0 };
}

function formatIssue(issue: ConfigIssue): string {
  return `${issue.location.file}:${issue.location.line}: ${issue.message} — sshd refuses to start with this line; fix or remove it`;
}
