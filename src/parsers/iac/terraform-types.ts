/** The Terraform resource types the network model maps: the only ones a module or a plan yields. */
export const TERRAFORM_NETWORK_TYPES: ReadonlySet<string> = new Set([
  'aws_security_group',
  'aws_default_security_group',
  'aws_security_group_rule',
  'aws_vpc_security_group_ingress_rule',
  'aws_vpc_security_group_egress_rule',
  'azurerm_network_security_group',
  'azurerm_network_security_rule',
  'azurerm_network_manager_admin_rule_collection',
  'azurerm_network_manager_admin_rule',
  'google_compute_firewall',
]);

/**
 * Resource types that allow or deny traffic on their own but that Parapet does not model: GCP firewall policies, whose
 * rules decide before or after a network's firewall rules (an allow there needs no firewall rule). Skipping them
 * silently would report a network closed where a policy opens it; each is a warning where it is declared.
 */
export const UNJUDGED_ACCESS_TYPES: ReadonlyMap<string, string> = new Map([
  ['google_compute_firewall_policy_rule', 'GCP hierarchical firewall policies'],
  ['google_compute_firewall_policy_with_rules', 'GCP hierarchical firewall policies'],
  ['google_compute_network_firewall_policy_rule', 'GCP network firewall policies'],
  ['google_compute_network_firewall_policy_with_rules', 'GCP network firewall policies'],
  ['google_compute_region_network_firewall_policy_rule', 'GCP regional network firewall policies'],
  ['google_compute_region_network_firewall_policy_with_rules', 'GCP regional network firewall policies'],
]);

/** The warning for a resource of an unjudged type: that what it allows is seen by no rule. */
export function unjudgedMessage(address: string, kind: string): string {
  return `${address} is not judged: Parapet does not model ${kind}, which allow or deny traffic on their own — what it allows no finding reports; check it yourself`;
}
