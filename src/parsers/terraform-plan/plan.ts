import type { InputFile } from '../../inputs/input-file.js';
import { append } from '../../model/append.js';
import type { SourceLocation } from '../../model/location.js';
import { problemAt, type InputProblem } from '../../model/problem.js';
import { quoted } from '../../model/quote.js';
import type { IacLoad } from '../iac/front-end.js';
import type { IacResource } from '../iac/value.js';
import { moduleOf, withoutInstanceKeys } from './address.js';
import { emptyPlanDocument, isOnlyDeleted, readPlanDocument, type PlanDocument, type PlannedChange } from './document.js';
import { UNJUDGED_ACCESS_TYPES, unjudgedMessage } from '../iac/terraform-types.js';
import { JsonSyntaxError, MAX_BUILT_DEPTH } from './json-reader.js';
import { plannedBody, relocate } from './planned-values.js';

const REGENERATE = 'write it again with terraform show -json plan.out > plan.json';

/**
 * The security groups, NSGs and firewalls a Terraform plan (`terraform show -json plan.out`) creates, updates,
 * replaces or keeps: each resource change's `change.after`, with the values known only after apply as IacUnknown.
 * Resources the plan deletes are not judged.
 *
 * `locate(address)`: where the resource block of that address is declared in .tf files of the scanned tree, when the
 * lead found them; then every value of that resource gets that file and line (the resource's `file`/`line` too);
 * otherwise the plan's own file and the line of the value in the plan JSON.
 */
export function terraformPlan(file: InputFile, locate?: (address: string) => SourceLocation | undefined): IacLoad {
  const problems: InputProblem[] = [];
  const plan = emptyPlanDocument();
  if (file.text.trim() === '') {
    problems.push(problemAt('iac/syntax', { file: file.path }, `empty file, not a Terraform plan — ${REGENERATE}`));
    return { resources: [], problems };
  }
  try {
    readPlanDocument(file.text, plan);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    // What was read before the error is judged: each change is kept only once it was read whole.
    const what = error.kind === 'truncated' ? error.reason : error.kind === 'shape' ? `not a Terraform plan: ${error.reason}` : `not valid JSON: ${error.reason}`;
    problems.push(problemAt('iac/syntax', { file: file.path, line: error.line }, `${what}; the resources after it were not judged — ${REGENERATE}`));
  }
  append(problems, planProblems(file.path, plan));
  for (const change of plan.unjudged) {
    const at = locate?.(change.address) ?? { file: file.path, line: change.line };
    problems.push(problemAt('iac/unsupported', at, unjudgedMessage(quoted(change.address, 120), UNJUDGED_ACCESS_TYPES.get(change.type)!), 'warning'));
  }
  const resources: IacResource[] = [];
  for (const change of plan.changes) {
    const resource = resourceOf(file.path, change, plan, problems, locate);
    if (resource) resources.push(resource);
  }
  return { resources, problems };
}

function planProblems(path: string, plan: PlanDocument): InputProblem[] {
  const problems: InputProblem[] = [];
  if (plan.errored) {
    problems.push(problemAt('iac/unsupported', { file: path, line: plan.errored.line }, 'the plan is partial: Terraform stopped planning on an error ("errored": true), so resources it did not reach are missing and were not judged — fix the error, plan again and scan the new plan', 'warning'));
  }
  if (plan.incomplete) {
    problems.push(problemAt('iac/unsupported', { file: path, line: plan.incomplete.line }, 'the plan is incomplete ("complete": false): Terraform deferred some changes to a later plan, and those were not judged — scan the plan of the next run too', 'warning'));
  }
  const major = plan.formatVersion === undefined ? undefined : Number.parseInt(plan.formatVersion, 10);
  if (major !== undefined && major > 1) {
    problems.push(problemAt('iac/unsupported', { file: path, line: 1 }, `plan format_version ${quoted(plan.formatVersion!, 20)} is newer than the 1.x Parapet reads; it was read as 1.x — check the findings against the plan`, 'warning'));
  }
  return problems;
}

function resourceOf(path: string, change: PlannedChange, plan: PlanDocument, problems: InputProblem[], locate?: (address: string) => SourceLocation | undefined): IacResource | undefined {
  if (change.mode !== 'managed' || change.address === '') return undefined;
  if (isOnlyDeleted(change)) return undefined;
  const after = change.after;
  if (after === undefined || (after.kind === 'scalar' && after.value === null)) return undefined;
  const name = quoted(change.address, 120);
  if (after.kind !== 'object') {
    problems.push(problemAt('iac/invalid-resource', { file: path, line: after.line }, `change.after of ${name} is not an object, so it was not judged — ${REGENERATE}`));
    return undefined;
  }
  const afterUnknown = change.afterUnknown;
  if (afterUnknown?.kind === 'scalar' && afterUnknown.value === true) {
    problems.push(problemAt('iac/invalid-resource', { file: path, line: afterUnknown.line }, `every value of ${name} is known only after apply, so it was not judged — apply the change, or scan the .tf files`));
    return undefined;
  }
  if (change.tooDeepLine !== undefined) {
    problems.push(problemAt('iac/unsupported', { file: path, line: change.tooDeepLine }, `values of ${name} nested more than ${MAX_BUILT_DEPTH} deep were not read and were judged as unknown — check the plan was written by terraform show -json`, 'warning'));
  }
  const configAddress = withoutInstanceKeys(change.address);
  const module = moduleOf(change.address, change.type, change.name, change.moduleAddress);
  const body = plannedBody(after, afterUnknown, { address: change.address, module, expressions: plan.expressions.get(configAddress) });
  const declared = locate?.(change.address) ?? (configAddress === change.address ? undefined : locate?.(configAddress));
  if (declared) relocate(body, declared.line);
  return { type: change.type, address: change.address, file: declared?.file ?? path, line: declared?.line ?? change.line, body };
}
