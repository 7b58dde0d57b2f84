/** The Terraform resource types the network model maps: the only ones a module or a plan yields. */
export const TERRAFORM_NETWORK_TYPES: ReadonlySet<string> = new Set([
  'aws_security_group',
  'aws_default_security_group',
  'aws_security_group_rule',
  'aws_vpc_security_group_ingress_rule',
  'aws_vpc_security_group_egress_rule',
  'azurerm_network_security_group',
  'azurerm_network_security_rule',
  'google_compute_firewall',
]);
