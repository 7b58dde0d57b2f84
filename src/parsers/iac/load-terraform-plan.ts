import { dirname } from 'node:path';
import type { InputFile } from '../../inputs/input-file.js';
import type { LoadContext, LoadResult } from '../../inputs/input-format.js';
import { append } from '../../model/append.js';
import type { NetworkAsset } from '../../network/model.js';
import { terraformPlan } from '../terraform-plan/plan.js';
import { IAC_ADVICE, iacNetworkAssets } from './assets.js';
import { planLocator } from './plan-locator.js';
import type { IacResource } from './value.js';

/**
 * A plan's resources, pointed at their .tf blocks when those are in the scanned tree. A resource found in the .tf files
 * of the root module (the plan's directory) or of a module it calls is named within the root module's directory, by
 * its whole address (`module.sg.aws_security_group.this`), as a scan of the root module names it; the others within
 * the plan.
 */
export async function loadTerraformPlan(file: InputFile, context: LoadContext): Promise<LoadResult> {
  const loaded = terraformPlan(file, await planLocator(dirname(file.path), context));
  const byPlace = new Map<string, IacResource[]>();
  for (const resource of loaded.resources) {
    withoutComputedRuleLists(resource);
    const within = resource.file === file.path ? file.path : dirname(file.path);
    let resources = byPlace.get(within);
    if (!resources) byPlace.set(within, (resources = []));
    resources.push(resource);
  }
  const models: NetworkAsset[] = [];
  const problems = [...loaded.problems];
  for (const [within, resources] of byPlace) {
    const judged = iacNetworkAssets(resources, within, IAC_ADVICE.plan);
    append(models, judged.assets);
    append(problems, judged.problems);
  }
  return { models, problems };
}

/** Attributes that list a group's rules as the provider reads them back after apply: 'known after apply' in a plan. */
const COMPUTED_RULE_LISTS: Readonly<Record<string, readonly string[]>> = {
  aws_security_group: ['ingress', 'egress'],
  aws_default_security_group: ['ingress', 'egress'],
  azurerm_network_security_group: ['security_rule'],
};

/**
 * A plan marks a group's whole rule list unknown when the code writes none: the provider fills it after apply with
 * the rules of separate rule resources, which the plan holds and which are judged on their own. Taking it as any rule
 * would report every such group; the one case it can hide, a `dynamic` block over values known only after apply, is
 * judged as unknown by the scan of the module's .tf files.
 */
function withoutComputedRuleLists(resource: IacResource): void {
  for (const name of COMPUTED_RULE_LISTS[resource.type] ?? []) {
    if (resource.body.fields.get(name)?.kind === 'unknown') resource.body.fields.delete(name);
  }
}
