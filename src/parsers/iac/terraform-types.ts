/** The Terraform resource types the network model maps: the only ones a module or a plan yields. */
export const TERRAFORM_NETWORK_TYPES: ReadonlySet<string> = new Set([
  'aws_security_group',
  'aws_default_security_group',
  'aws_security_group_rule',
  'aws_vpc_security_group_ingress_rule',
  'aws_vpc_security_group_egress_rule',
  'aws_lightsail_instance',
  'aws_lightsail_instance_public_ports',
  'azurerm_network_security_group',
  'azurerm_network_security_rule',
  'azurerm_network_manager_admin_rule_collection',
  'azurerm_network_manager_admin_rule',
  'azurerm_firewall_nat_rule_collection',
  'azurerm_firewall_policy_rule_collection_group',
  'google_compute_firewall',
  'google_compute_firewall_policy',
  'google_compute_firewall_policy_rule',
  'google_compute_firewall_policy_with_rules',
  'google_compute_network_firewall_policy',
  'google_compute_network_firewall_policy_rule',
  'google_compute_network_firewall_policy_with_rules',
  'google_compute_region_network_firewall_policy',
  'google_compute_region_network_firewall_policy_rule',
  'google_compute_region_network_firewall_policy_with_rules',
]);

/**
 * Resource types that allow or deny traffic on their own but that Parapet does not model: the beta organization
 * security policies that preceded GCP's hierarchical firewall policies. Skipping them silently would report a network
 * closed where such a policy opens it; each is a warning where it is declared.
 */
export const UNJUDGED_ACCESS_TYPES: ReadonlyMap<string, string> = new Map([
  ['google_compute_organization_security_policy_rule', 'GCP organization security policies (the beta hierarchical firewall)'],
]);

/** The warning for a resource of an unjudged type: that what it allows is seen by no rule. */
export function unjudgedMessage(address: string, kind: string): string {
  return `${address} is not judged: Parapet does not model ${kind}, which allow or deny traffic on their own — what it allows no finding reports; check it yourself`;
}
