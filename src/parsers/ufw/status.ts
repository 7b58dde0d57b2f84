import { problemAt, type InputProblem } from '../../model/problem.js';
import { quoted } from '../../model/quote.js';
import type { ProblemId } from '../../model/problem-kinds.js';
import type { LocatedUfwRule, ParsedUfw, UfwPolicy } from './parsed-ufw.js';
import { readStatusRow, type StatusCells } from './status-rule.js';
import { parseStatusRow } from './status-row.js';

const STATUS = /^Status: (active|inactive)$/;
const DEFAULT = /^Default: (allow|deny|reject) \(incoming\), (allow|deny|reject) \(outgoing\), (allow|deny|reject|disabled) \(routed\)$/;
const HEADER = /^To +Action +From$/;
const RULER = /^-- +------ +----$/;
const VERBOSE_ONLY = /^(Logging|New profiles): /;

const RECAPTURE = "capture it again with 'LANG=C ufw status verbose' (as root)";
const NOT_JUDGED = `this rule is not judged; ${RECAPTURE} or scan /etc/ufw/user.rules`;

/**
 * `ufw status`, `ufw status verbose` and `ufw status numbered`. Rows come in the order ufw prints them: numbered is the
 * evaluation order; plain and verbose group rows by direction, IPv4 before IPv6 — each family and direction is its
 * own iptables chain, so the order inside each (family, direction) is still the evaluation order, which is all that
 * decides a packet.
 */
export function parseUfwStatus(file: string, text: string): ParsedUfw {
  const parsed: ParsedUfw = { form: 'ufw status', rules: [], problems: [] };
  const problem = (line: number, message: string, id: ProblemId = 'ufw/unparseable-row'): void => {
    parsed.problems.push(problemAt(id, { file, line }, message));
  };
  let verbose = false;
  let numbered = false;
  let missingStatus = false;
  let notStatusOutput = false;
  const lines = text.split(/\r?\n/);
  const cells: StatusCells = new Map();

  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#') || HEADER.test(trimmed) || RULER.test(trimmed)) return;
    if (!parsed.state) {
      const status = STATUS.exec(trimmed);
      if (status) {
        parsed.state = { enabled: status[1] === 'active', line, file };
        return;
      }
      if (!missingStatus) {
        missingStatus = true;
        problem(line, notStatus(trimmed), 'ufw/not-status');
        // Not a status capture at all: one problem says so, rather than one per line.
        notStatusOutput = !parseStatusRow(raw);
      }
      if (notStatusOutput) return;
    }
    if (VERBOSE_ONLY.test(trimmed)) {
      verbose = true;
      return;
    }
    if (trimmed.startsWith('Default:')) {
      verbose = true;
      const policy = DEFAULT.exec(trimmed);
      if (policy) {
        parsed.defaults = { incoming: policy[1] as UfwPolicy, outgoing: policy[2] as UfwPolicy, line, file };
        parsed.routed = { policy: policy[3] as UfwPolicy | 'disabled', line, file };
      }
      else problem(line, `cannot read the default policy ${quoted(trimmed.slice('Default:'.length).trim(), 80)} — ${RECAPTURE}`, 'ufw/unparseable-default');
      return;
    }
    const row = parseStatusRow(raw);
    if (!row) {
      problem(line, `this line is not a ufw rule row (no ALLOW, DENY, REJECT or LIMIT between two columns) — ${NOT_JUDGED}`);
      return;
    }
    const reading = readStatusRow(row, cells);
    if ('unknownApp' in reading) {
      problem(line, `unknown application profile ${quoted(reading.unknownApp, 64)}: this form of 'ufw status' shows its name, not its ports — scan 'ufw status verbose' or /etc/ufw/user.rules instead`, 'ufw/unknown-app-profile');
      return;
    }
    if ('error' in reading) {
      problem(line, `cannot read this ufw rule: ${reading.error} — ${NOT_JUDGED}`);
      return;
    }
    if (row.number !== undefined) numbered = true;
    const direction = row.direction.toUpperCase();
    const shown = `${row.to} ${row.action.toUpperCase()} ${direction} ${row.from}`;
    for (const rule of reading.rules) parsed.rules.push({ rule, line, number: row.number, shown } satisfies LocatedUfwRule);
  });

  parsed.form = numbered ? 'ufw status numbered' : verbose ? 'ufw status verbose' : 'ufw status';
  if (!parsed.state && parsed.rules.length === 0 && parsed.problems.length === 0) {
    parsed.problems.push(emptyInput(file));
  }
  return parsed;
}

function notStatus(line: string): string {
  if (line.startsWith('ERROR:')) return `ufw printed an error instead of its status (${quoted(line, 80)}) — ${RECAPTURE}`;
  return `expected 'Status: active' or 'Status: inactive' on the first line, found a line of ${[...line].length} characters that is not ufw's — this is not complete ufw status output; ${RECAPTURE}`;
}

function emptyInput(file: string): InputProblem {
  return problemAt('ufw/empty', { file }, `the file is empty: no ufw status and no rules to judge — ${RECAPTURE}`);
}
