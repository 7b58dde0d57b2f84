import { quoted } from '../../model/quote.js';
import { ARM_ADMIN_RULE, ARM_ADMIN_RULE_COLLECTION } from '../iac/azure-admin-rules.js';
import { ARM_FIREWALL, ARM_RULE_COLLECTION_GROUP } from '../iac/azure-firewall-dnat.js';
import type { IacObject, IacResource, IacValue } from '../iac/value.js';
import type { LoopFrame } from './call-site.js';
import { canonicalKey } from './canonical-keys.js';
import { evaluateJson, loopCount } from './evaluate.js';
import { isObjectJson, member, stringJson, type ArmJson, type ArmJsonObject } from './json-tree.js';
import { MAX_DEPLOYMENT_DEPTH } from './limits.js';
import { TemplateScope } from './scope.js';
import { booleanOf, object, readableText } from './values.js';

export const ARM_NSG = 'Microsoft.Network/networkSecurityGroups';
export const ARM_SECURITY_RULE = 'Microsoft.Network/networkSecurityGroups/securityRules';
const DEPLOYMENT = 'microsoft.resources/deployments';
/** The types output, by lower-case type: how ARM compares them. */
const OUTPUT_TYPES = new Map([ARM_NSG, ARM_SECURITY_RULE, ARM_ADMIN_RULE_COLLECTION, ARM_ADMIN_RULE, ARM_FIREWALL, ARM_RULE_COLLECTION_GROUP].map((type) => [type.toLowerCase(), type]));
/** The types whose child resources (`resources` inside them) are read: those that hold an output type. */
const PARENT_TYPES = new Set([ARM_NSG, 'Microsoft.Network/networkManagers', 'Microsoft.Network/networkManagers/securityAdminConfigurations', ARM_ADMIN_RULE_COLLECTION, 'Microsoft.Network/firewallPolicies'].map((type) => type.toLowerCase()));

interface Parent {
  type: string;
  address: string;
}

/** Where resources are read: the template's scope, the copy loops around, the parent resource, the deployment depth. */
export interface ResourceWalk {
  scope: TemplateScope;
  loops: readonly LoopFrame[];
  parent?: Parent;
  deploymentDepth: number;
  out: IacResource[];
}

/**
 * The NSGs and security rules, the admin rule collections and admin rules, and the Azure Firewalls and firewall policy
 * rule collection groups, of a `resources` array (or, in
 * languageVersion 2.0, object of symbolic names), each copy instance on its own, those whose condition is known false
 * left out; children nested in their parents and resources of nested deployments with inline templates included.
 * Other resources are not evaluated at all.
 */
export function walkResources(resources: ArmJson | undefined, walk: ResourceWalk): void {
  const items = resources?.kind === 'array' ? resources.items : resources?.kind === 'object' ? [...resources.members.values()].map(({ value }) => value) : [];
  for (const item of items) if (isObjectJson(item)) walkResource(item, walk);
}

function walkResource(resource: ArmJsonObject, walk: ResourceWalk): void {
  const { scope, parent } = walk;
  const written = stringJson(member(resource, 'type'));
  if (written === undefined) return;
  const type = parent && !written.includes('/') ? `${parent.type}/${written}` : written;
  const lower = type.toLowerCase();
  const outputType = OUTPUT_TYPES.get(lower);
  if (!outputType && !PARENT_TYPES.has(lower) && lower !== DEPLOYMENT) return;
  // languageVersion 2.0: an `existing` resource is a reference to one deployed elsewhere, not a deployment of it.
  const existing = member(resource, 'existing');
  if (existing && booleanOf(evaluateJson(existing, scope, walk.loops)) === true) return;

  const copy = member(resource, 'copy');
  const frames: (LoopFrame | undefined)[] = [];
  if (isObjectJson(copy)) {
    const name = stringJson(member(copy, 'name'));
    const count = loopCount(member(copy, 'count'), copy.line, scope, walk.loops);
    for (const index of count.indexes) frames.push({ name, resource: true, index, countDependsOn: count.dependsOn });
  } else frames.push(undefined);

  for (const frame of frames) {
    const loops = frame ? [...walk.loops, frame] : walk.loops;
    const condition = member(resource, 'condition');
    if (condition && booleanOf(evaluateJson(condition, scope, loops)) === false) continue;
    const nameJson = member(resource, 'name');
    const name = nameJson ? evaluateJson(nameJson, scope, loops) : undefined;
    const nameText = name ? readableText(name, stringJson(nameJson)?.slice(1, -1) ?? '') : '';
    const address = parent ? `${parent.address}/${nameText}` : nameText;
    if (lower === DEPLOYMENT) {
      walkDeployment(resource, { ...walk, loops }, address);
      continue;
    }
    if (outputType) walk.out.push({ type: outputType, address, file: scope.state.file, line: resource.line, body: bodyOf(resource, scope, loops) });
    if (PARENT_TYPES.has(lower)) walkResources(member(resource, 'resources'), { ...walk, loops, parent: { type, address } });
  }
}

/** The resource object evaluated, without its copy loop and child resources (those are read on their own). */
function bodyOf(resource: ArmJsonObject, scope: TemplateScope, loops: readonly LoopFrame[]): IacObject {
  const fields = new Map<string, IacValue>();
  for (const { key, value } of resource.members.values()) {
    const lower = key.toLowerCase();
    if (lower === 'copy' || lower === 'resources') continue;
    fields.set(canonicalKey(key), evaluateJson(value, scope, loops));
  }
  return object(fields, resource.line);
}

/**
 * A nested deployment with an inline template. Scope `inner`: the template's own parameters, given by the
 * deployment's `parameters` evaluated here; scope `outer` (ARM's default): the template reads this template's
 * parameters and variables. A linked template (templateLink) is another file: not read. A template translated from
 * another file (a Bicep module) is walked as that file's.
 */
function walkDeployment(deployment: ArmJsonObject, walk: ResourceWalk, address: string): void {
  const { scope } = walk;
  const properties = member(deployment, 'properties');
  if (!isObjectJson(properties)) return;
  const template = member(properties, 'template');
  if (!isObjectJson(template)) {
    if (member(properties, 'templateLink')) {
      scope.state.report('iac/unsupported', deployment.line, `nested deployment ${quoted(address, 80)} links its template — that template was not read; scan it as a file of its own`, 'warning');
    }
    return;
  }
  if (walk.deploymentDepth >= MAX_DEPLOYMENT_DEPTH) {
    scope.state.report('iac/unsupported', deployment.line, `nested deployments more than ${MAX_DEPLOYMENT_DEPTH} deep — the inner ones were not judged; flatten the template`, 'error');
    return;
  }
  const options = member(properties, 'expressionEvaluationOptions');
  const inner = isObjectJson(options) && stringJson(member(options, 'scope'))?.toLowerCase() === 'inner';
  let innerScope = scope;
  let loops = walk.loops;
  if (inner) {
    const given = new Map<string, IacValue>(template.origin?.given);
    const parameters = member(properties, 'parameters');
    if (isObjectJson(parameters)) {
      for (const { key, value } of parameters.members.values()) {
        const valueJson = isObjectJson(value) ? member(value, 'value') : undefined;
        if (valueJson) given.set(key.toLowerCase(), evaluateJson(valueJson, scope, walk.loops));
      }
    }
    innerScope = new TemplateScope(scope.state, template, given, template.origin !== undefined);
    loops = [];
  }
  const walkInner = () => walkResources(member(template, 'resources'), { ...walk, scope: innerScope, loops, parent: undefined, deploymentDepth: walk.deploymentDepth + 1 });
  if (template.origin) scope.state.within(template.origin.file, walkInner);
  else walkInner();
}

