/**
 * The inputs action.yml declares, with the defaults it declares (a test holds the two equal). The runner sets
 * `INPUT_<NAME>` for every input, from the workflow or from these defaults; a run without the runner gets the same.
 */
export const ACTION_INPUTS = {
  paths: '.',
  root: '${{ github.workspace }}',
  format: 'sarif',
  output: 'parapet.sarif',
  'fail-on': 'high',
  'app-ports': '',
  category: '',
  args: '',
  sweep: '',
  regions: '',
  subscriptions: '',
  projects: '',
} as const;

export type InputName = keyof typeof ACTION_INPUTS;

/** An input's value as the runner passes it (`INPUT_FAIL-ON`: upper case, the hyphen kept), or its default when not set. */
export function inputValue(name: InputName, workspace: string): string {
  const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`];
  return (value ?? ACTION_INPUTS[name].replace('${{ github.workspace }}', workspace)).trim();
}
