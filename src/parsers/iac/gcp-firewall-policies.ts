import { shown } from '../../model/quote.js';
import type { NetworkAsset } from '../../network/model.js';
import { inPriorityOrder } from '../../network/priority-order.js';
import { firewallPolicyAsset, policyRuleToRules, policyScopes } from '../gcp/firewall-policy.js';
import type { IacAssets } from './assets.js';
import { attachTo, type Attachment } from './attachment.js';
import { droppedDeny, type DroppedDeny } from './dropped-deny.js';
import { blocksOf, Dependence, fieldOf, listsAsWorst, scalarOf, scalarsOf, UNKNOWN, type Block, type Scalar } from './reading.js';
import { shownAddress, type IacResource } from './value.js';

/** Policies, by Terraform type: the argument that names them, and the kind a message calls them. */
const POLICY_TYPES: Readonly<Record<string, { name: string; kind: string }>> = {
  google_compute_firewall_policy: { name: 'short_name', kind: 'hierarchical' },
  google_compute_network_firewall_policy: { name: 'name', kind: 'network' },
  google_compute_region_network_firewall_policy: { name: 'name', kind: 'regional network' },
};
/** Policies that hold their rules as `rule` blocks, which name their nested blocks in the singular. */
const WITH_RULES_TYPES: Readonly<Record<string, { name: string; kind: string }>> = {
  google_compute_firewall_policy_with_rules: { name: 'short_name', kind: 'hierarchical' },
  google_compute_network_firewall_policy_with_rules: { name: 'name', kind: 'network' },
  google_compute_region_network_firewall_policy_with_rules: { name: 'name', kind: 'regional network' },
};
const RULE_TYPES = new Set(['google_compute_firewall_policy_rule', 'google_compute_network_firewall_policy_rule', 'google_compute_region_network_firewall_policy_rule']);

/** Terraform's names of a rule's lists and the API's, and what an unknown one is taken as in an allow (undefined: left out). */
const MATCH_LISTS: [terraform: string, api: string, worst: string[] | undefined][] = [
  ['src_ip_ranges', 'srcIpRanges', ['0.0.0.0/0', '::/0']],
  ['dest_ip_ranges', 'destIpRanges', undefined],
  ['src_fqdns', 'srcFqdns', undefined],
  ['dest_fqdns', 'destFqdns', undefined],
  ['src_region_codes', 'srcRegionCodes', undefined],
  ['dest_region_codes', 'destRegionCodes', undefined],
  ['src_threat_intelligences', 'srcThreatIntelligences', undefined],
  ['dest_threat_intelligences', 'destThreatIntelligences', undefined],
  ['src_address_groups', 'srcAddressGroups', undefined],
  ['dest_address_groups', 'destAddressGroups', undefined],
];

/**
 * GCP firewall policies of Terraform and plans (hierarchical, network and regional; their rules as resources of their
 * own or as `rule` blocks of a `_with_rules` policy), each an asset of the traffic its allow rules let in before any
 * lower level (a lower policy, the network's firewall rules) is asked: allows against the denies before them.
 */
export function gcpFirewallPolicies(resources: readonly IacResource[], out: IacAssets): NetworkAsset[] {
  const policies = new Map<string, NetworkAsset>();
  // A rule names its policy by the policy's name as often as by its id.
  const byName = new Map<string, NetworkAsset[]>();
  const dropped = new Map<NetworkAsset, DroppedDeny[]>();
  const add = (policy: NetworkAsset, resource: IacResource, rule: Block, label: string, singular: boolean, line: number) => {
    const outcome = ruleOf(resource, rule, label, singular, out, line);
    if (outcome && 'weaken' in outcome) dropped.set(policy, [...(dropped.get(policy) ?? []), outcome]);
    else if (outcome && 'rules' in outcome && !outcome.handedOn) {
      policy.rules.push(...outcome.rules);
      policy.scopes = policyScopes([...policy.scopes.map((scope) => scope.name), ...outcome.targets]);
    }
  };

  for (const resource of resources) {
    const declared = POLICY_TYPES[resource.type] ?? WITH_RULES_TYPES[resource.type];
    if (!declared) continue;
    const name = scalarOf(fieldOf(resource.body, declared.name), new Dependence());
    const policy = policyAsset(resource.address, typeof name === 'string' ? name : resource.address, resource, out);
    policies.set(resource.address, policy);
    if (typeof name === 'string') byName.set(name, [...(byName.get(name) ?? []), policy]);
    if (WITH_RULES_TYPES[resource.type]) {
      blocksOf(resource.body, 'rule').forEach((rule, index) => add(policy, resource, rule, `${shownAddress(resource)} rule[${index}]`, true, rule.line));
    }
  }
  const attachments: Attachment[] = [];
  for (const resource of resources) {
    if (!RULE_TYPES.has(resource.type)) continue;
    attachments.push({ resource, reference: fieldOf(resource.body, 'firewall_policy'), add: (policy) => add(policy, resource, resource.body, shownAddress(resource), false, resource.line) });
  }
  const all = attachTo(policies, attachments, (reference, resource) => policyAsset(reference, reference, resource, out), byName);
  for (const policy of all) {
    for (const deny of dropped.get(policy) ?? []) deny.weaken(policy.rules);
    inPriorityOrder(policy.rules);
  }
  return all;
}

function policyAsset(id: string, name: string, resource: IacResource, out: IacAssets): NetworkAsset {
  return firewallPolicyAsset({ kind: 'gcp-firewall-policy', id, name, within: out.within }, [], { file: resource.file, line: resource.line });
}

/**
 * One policy rule read into the API's shape, unknown values taken as the worst they could be in an allow. A deny with
 * an unknown match cannot be counted on: it is left out, and the allows after it depend on it.
 */
function ruleOf(resource: IacResource, rule: Block, label: string, singular: boolean, out: IacAssets, line: number): ReturnType<typeof policyRuleToRules> | DroppedDeny | undefined {
  const dependence = new Dependence();
  const read = (name: string): Scalar | typeof UNKNOWN | undefined => scalarOf(fieldOf(rule, name), dependence);
  const action = read('action');
  const direction = read('direction');
  const priority = read('priority');
  const disabled = read('disabled');
  const record: Record<string, unknown> = {
    ruleName: scalarOf(fieldOf(rule, 'rule_name'), new Dependence()) ?? undefined,
    action: action === UNKNOWN ? 'allow' : action,
    direction: direction === UNKNOWN ? 'INGRESS' : direction,
    priority: priority === UNKNOWN ? 0 : priority,
    disabled: disabled === UNKNOWN ? false : disabled === true || disabled === 'true',
  };
  const targets = scalarsOf(fieldOf(rule, 'target_service_accounts'), new Dependence());
  // An unknown target is taken as no target: the rule applies to every instance.
  if (targets !== UNKNOWN) record.targetServiceAccounts = targets.filter((target) => target !== UNKNOWN);
  record.targetSecureTags = tagsOf(rule, singular ? 'target_secure_tag' : 'target_secure_tags');
  const networks = scalarsOf(fieldOf(rule, 'target_resources'), new Dependence());
  if (networks !== UNKNOWN) record.targetResources = networks.filter((network) => network !== UNKNOWN);

  const [matchBlock] = blocksOf(rule, 'match');
  const match: Record<string, unknown> = matchBlock ? listsAsWorst(matchBlock, MATCH_LISTS, dependence) : {};
  if (matchBlock) {
    match.srcSecureTags = tagsOf(matchBlock, singular ? 'src_secure_tag' : 'src_secure_tags');
    match.layer4Configs = blocksOf(matchBlock, singular ? 'layer4_config' : 'layer4_configs').map((config) => {
      const protocol = scalarOf(fieldOf(config, 'ip_protocol'), dependence);
      const ports = scalarsOf(fieldOf(config, 'ports'), dependence);
      // An unknown port (or list of ports) is taken as every port: GCP's meaning of no ports.
      return { ipProtocol: protocol === UNKNOWN ? 'all' : protocol, ...(ports !== UNKNOWN && !ports.includes(UNKNOWN) ? { ports } : {}) };
    });
  }
  record.match = match;
  if (record.action === 'deny' && dependence.names.length > 0) return droppedDeny(priority === UNKNOWN ? undefined : priority, direction === UNKNOWN ? undefined : direction, dependence.names);

  const outcome = policyRuleToRules(record, { file: resource.file, line: dependence.line ?? line });
  if ('error' in outcome) {
    out.invalid(resource, line, `${shown(label, 120)}: ${outcome.error}`);
    return undefined;
  }
  if ('rules' in outcome) {
    for (const networkRule of outcome.rules) {
      networkRule.label = `${label} (${networkRule.label})`;
      if (dependence.names.length > 0) networkRule.dependsOn = dependence.names;
    }
  }
  return outcome;
}

/** Secure tags as the API lists them (`[{ name }]`), the known ones: an unknown tag is taken as no tag, the worst for an allow. */
function tagsOf(block: Block, name: string): { name: string }[] {
  return blocksOf(block, name).flatMap((tag) => {
    const value = scalarOf(fieldOf(tag, 'name'), new Dependence());
    return typeof value === 'string' ? [{ name: value }] : [];
  });
}
