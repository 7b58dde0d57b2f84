import { problemAt, type InputProblem } from '../../model/problem.js';
import { redacted } from '../../model/quote.js';
import type { NetworkAsset } from '../../network/model.js';
import { awsSecurityGroups } from './aws.js';
import { awsLightsailInstances } from './aws-lightsail.js';
import { azureNsgs } from './azure.js';
import { azureAdminRuleCollections } from './azure-admin-rules.js';
import { azureFirewallDnat } from './azure-firewall-dnat.js';
import { gcpNetworks } from './gcp.js';
import { gcpFirewallPolicies } from './gcp-firewall-policies.js';
import type { IacResource } from './value.js';

/** Where the assets of one module or template are made: the place that makes their addresses unique, and its problems. */
export class IacAssets {
  readonly problems: InputProblem[] = [];

  constructor(readonly within: string) {}

  invalid(resource: IacResource, line: number, message: string): void {
    this.problems.push(problemAt('iac/invalid-resource', { file: resource.file, line }, `${message} — this rule was not judged; the provider would reject it too`));
  }
}

/**
 * The network assets a module or template declares: security groups, Lightsail instances, NSGs, Azure admin rule collections, Azure
 * Firewall DNAT rules, GCP networks
 * and GCP firewall policies, with the rules attached to them. `within` is the module directory or template file.
 * Values the code does not fix are listed in one warning per file.
 */
export function iacNetworkAssets(resources: readonly IacResource[], within: string, advice: string = IAC_ADVICE.terraform): { assets: NetworkAsset[]; problems: InputProblem[] } {
  const out = new IacAssets(within);
  const assets = [...awsSecurityGroups(resources, out), ...awsLightsailInstances(resources, out), ...azureNsgs(resources, out), ...azureAdminRuleCollections(resources, out), ...azureFirewallDnat(resources, out), ...gcpNetworks(resources, out), ...gcpFirewallPolicies(resources, out)];
  return { assets, problems: [...out.problems, ...unresolvedNotes(assets, advice)] };
}

const LISTED = 10;

/** How to give Parapet the values it could not resolve, by language. */
export const IAC_ADVICE = {
  terraform: 'pass values with --var-file, or scan the plan (terraform show -json), which holds the values Terraform resolved',
  plan: 'they are known only after apply',
  template: 'pass values with --parameter key=value',
} as const;

/** One warning per file naming the values its rules were judged without, at the first line that uses one. */
function unresolvedNotes(assets: readonly NetworkAsset[], advice: string): InputProblem[] {
  const byFile = new Map<string, { line: number; names: Set<string> }>();
  for (const asset of assets) {
    for (const rule of asset.rules) {
      if (!rule.dependsOn) continue;
      const seen = byFile.get(rule.location.file) ?? { line: rule.location.line, names: new Set<string>() };
      seen.line = Math.min(seen.line, rule.location.line);
      for (const name of rule.dependsOn) seen.names.add(name);
      byFile.set(rule.location.file, seen);
    }
  }
  return [...byFile].map(([file, { line, names }]) => {
    const listed = [...names].slice(0, LISTED).map((name) => `\`${redacted(name, 80)}\``).join(', ');
    const more = names.size > LISTED ? ` and ${names.size - LISTED} more` : '';
    return problemAt(
      'iac/unresolved',
      { file, line },
      `${names.size} value${names.size > 1 ? 's' : ''} could not be resolved from the code (${listed}${more}): the rules that use ${names.size > 1 ? 'them' : 'it'} were judged as the worst ${names.size > 1 ? 'they' : 'it'} could be — ${advice}`,
      'warning',
    );
  });
}
