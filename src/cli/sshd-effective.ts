import { hostView, rootedView } from '../inputs/host-view.js';
import { readInputFile } from '../inputs/input-file.js';
import { formatLocation } from '../model/location.js';
import { formatProblem } from '../model/problem.js';
import { dumpConfig } from '../parsers/sshd/dump.js';
import { SshdEvaluation } from '../parsers/sshd/effective.js';
import { hostEnvironment } from '../parsers/sshd/host-environment.js';
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
  // With --root an absolute FILE is the host's own path, read inside the image like its Includes.
  const located = root !== undefined && file.startsWith('/') ? rootedView(root).locate(file) : undefined;
  if (located && located.kind !== 'found') return refuse([`${file}: not found under --root ${root}`]);
  const path = located?.path ?? file;
  const view = hostView(path, '/etc/ssh', { root });
  const environment = hostEnvironment(view);
  const connection: ConnectionSpec = {};
  for (const [field, value] of Object.entries(spec)) {
    if (!(FIELDS as readonly string[]).includes(field)) return refuse([`Invalid test mode specification ${field}=${value} — use one of ${FIELDS.join(', ')}`]);
    if (field === 'lport') {
      const port = a2port(value, environment);
      if (port === -1) return refuse([`Invalid port '${value}' in test mode specification lport=${value}`]);
      connection.lport = port;
    } else connection[field as Exclude<(typeof FIELDS)[number], 'lport'>] = value;
  }
  const main = readInputFile(path, MAX_BYTES);
  if (!('text' in main)) return refuse([formatProblem(main)]);
  const reader = new ConfigReader(ConfigReader.parse(main.path, main.text), (included) => readInputFile(included, MAX_BYTES), view);
  const evaluation = new SshdEvaluation(reader, environment);
  const warnings = reader.problems.map((problem) => `${problem.level}: ${formatProblem(problem)}\n`).join('');
  if (evaluation.issues.length > 0) return refuse(evaluation.issues.map(formatIssue));
  const { options, issues } = evaluation.forConnection(connection);
  if (issues.length > 0) return refuse(issues.map(formatIssue));
  return { stdout: dumpConfig(options).map((line) => `${line}\n`).join(''), stderr: warnings, exitCode: 0 };
}

function formatIssue(issue: ConfigIssue): string {
  return `${formatLocation(issue.location)}: ${issue.message} — sshd refuses to start with this line; fix or remove it`;
}
