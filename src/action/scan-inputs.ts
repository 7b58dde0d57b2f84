import { isAbsolute, resolve } from 'node:path';
import type { RuleSettings } from '../engine/rule.js';
import { shown } from '../model/quote.js';
import { SEVERITIES, type Severity } from '../model/severity.js';
import { REPORT_FORMATS, type ReportFormat } from '../reporters/index.js';
import { APP_PORTS_EXPECTED, ruleSettingsFor } from '../cli/app-ports.js';
import { iacOptionsFor } from '../cli/iac-options.js';
import type { IacOptions } from '../inputs/input-format.js';
import { inputValue, type InputName } from './action-inputs.js';
import { parseArgsInput } from './args-input.js';

/** What the Action was asked to do, checked: every path is absolute. */
export interface ScanInputs {
  workspace: string;
  paths: string[];
  /** Undefined for `root: ''`: then the read boundary keeps reads inside the scanned paths. */
  root?: string;
  type?: string;
  format: ReportFormat;
  output: string;
  failOn: Severity | 'none';
  settings: RuleSettings;
  iac: IacOptions;
  category?: string;
}

const FAIL_ON = [...SEVERITIES, 'none'] as const;

/** Reads and checks the inputs; a bad value is one line that names the input. */
export async function readScanInputs(workspace: string): Promise<ScanInputs | { usageError: string }> {
  const value = (name: InputName) => inputValue(name, workspace);
  const inWorkspace = (path: string) => (isAbsolute(path) ? path : resolve(workspace, path));

  const format = value('format');
  if (!isOneOf(format, REPORT_FORMATS)) return mustBe('format', `one of ${REPORT_FORMATS.join(', ')}`, format);
  const failOn = value('fail-on');
  if (!isOneOf(failOn, FAIL_ON)) return mustBe('fail-on', `one of ${FAIL_ON.join(', ')}`, failOn);
  const settings = ruleSettingsFor(value('app-ports'));
  if (!settings) return mustBe('app-ports', APP_PORTS_EXPECTED, value('app-ports'));
  const output = value('output');
  if (!output) return mustBe('output', 'the file to write the report to', output);
  const extra = await parseArgsInput(value('args'));
  if ('usageError' in extra) return extra;
  const iac = iacOptionsFor(extra.varFile?.map(inWorkspace), extra.parameter);
  if ('usageError' in iac) return { usageError: `Input 'args': ${iac.usageError}` };

  const paths = value('paths').split(/\s+/).filter(Boolean);
  const root = value('root');
  const category = value('category');
  return {
    workspace,
    paths: (paths.length > 0 ? paths : ['.']).map(inWorkspace),
    root: root ? inWorkspace(root) : undefined,
    type: extra.type,
    format,
    output: inWorkspace(output),
    failOn,
    settings,
    iac,
    category: category || undefined,
  };
}

function isOneOf<T extends string>(value: string, allowed: readonly T[]): value is T {
  return (allowed as readonly string[]).includes(value);
}

function mustBe(name: InputName, expected: string, got: string): { usageError: string } {
  return { usageError: `Input '${name}' must be ${expected}; got '${shown(got, 80)}'` };
}
