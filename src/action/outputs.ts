import * as core from '@actions/core';

/** The outputs action.yml declares (a test holds the two equal). */
export interface ActionOutputs {
  /** The SARIF report's path, empty when the format is not SARIF or it could not be written. */
  'sarif-file': string;
  /** Findings at any severity, including those left out of the report for a limit. */
  findings: number;
  /** Inputs that could not be judged. */
  errors: number;
}

export function setOutputs(outputs: ActionOutputs): void {
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, String(value));
}
