import { basename } from 'node:path';
import { quoted } from '../../model/quote.js';
import { scalar, unknown, type IacValue } from '../iac/value.js';
import { canonicalKey } from './canonical-keys.js';
import type { FileState } from './file-state.js';
import { isObjectJson, member, type ArmJson, type ArmJsonObject } from './json-tree.js';
import { list, object } from './values.js';

/** azd's `${NAME}` (or `${NAME=default}`): a value of the environment the file is deployed from. */
const ENVIRONMENT_VALUE = /\$\{([A-Za-z_]\w*)[^}]{0,200}\}/;

/**
 * The values a parameters file gives (lower-case parameter name → value), each on its line. A value is taken as
 * written: a parameters file holds no expressions. A Key Vault reference names a secret the file does not hold, and
 * azd's `${NAME}` a value of the environment it is deployed from: both are unknown, named as the file writes them.
 */
export function parameterValues(parameters: ArmJsonObject, state: FileState): Map<string, IacValue> {
  const values = new Map<string, IacValue>();
  for (const { key, value: entry } of parameters.members.values()) {
    const given = isObjectJson(entry) ? member(entry, 'value') : undefined;
    // ARM takes a null value as no value: the template's default stands (the portal's exports write null for each).
    if (given?.kind === 'scalar' && given.value === null) continue;
    if (given !== undefined) values.set(key.toLowerCase(), literal(given));
    else if (isObjectJson(entry) && member(entry, 'reference') !== undefined) values.set(key.toLowerCase(), unknown(entry.line, [`the Key Vault secret ${key} refers to`]));
    else state.report('iac/invalid-resource', entry.line, `parameter ${quoted(key, 80)} gives neither a "value" nor a "reference" — the template's own default or an unknown is used; ARM would reject the file`, 'warning');
  }
  return values;
}

function literal(json: ArmJson): IacValue {
  if (json.kind === 'array') return list(json.items.map(literal), json.line);
  if (json.kind === 'object') return object(new Map([...json.members.values()].map(({ key, value }) => [canonicalKey(key), literal(value)])), json.line);
  const environment = typeof json.value === 'string' ? ENVIRONMENT_VALUE.exec(json.value) : null;
  return environment ? unknown(json.line, [`\${${environment[1]}}`]) : scalar(json.value, json.line);
}

/** The parameters a parameters file assigns, by name in lower case (as ARM matches them), each as written and where. */
export interface AssignedParameters {
  file: string;
  names: ReadonlyMap<string, { name: string; line: number }>;
}

/**
 * Each parameter assigned that the template or Bicep file (`target`) does not declare: an error at its line, as the
 * deployment is rejected ("not present in the original template"); a misspelt name would leave a default in force.
 */
export function reportUndeclared(assigned: AssignedParameters, isDeclared: (name: string) => boolean, target: string, state: FileState): void {
  for (const [key, { name, line }] of assigned.names) {
    if (isDeclared(key)) continue;
    state.within(assigned.file, () => state.report('iac/invalid-resource', line, `parameter ${quoted(name, 80)} is not declared in ${quoted(basename(target))} — the deployment is rejected ("not present in the original template"); fix its name`, 'error'));
  }
}
