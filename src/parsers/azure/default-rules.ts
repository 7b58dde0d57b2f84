/**
 * The six rules Azure puts in every NSG (defaultSecurityRules), for exports that leave them out. Values from the
 * Azure REST API specification example NetworkSecurityGroupGet.json (2024-05-01).
 */
export const AZURE_DEFAULT_RULES: Record<string, unknown>[] = [
  { name: 'AllowVnetInBound', protocol: '*', destinationPortRange: '*', sourceAddressPrefix: 'VirtualNetwork', destinationAddressPrefix: 'VirtualNetwork', access: 'Allow', priority: 65000, direction: 'Inbound' },
  { name: 'AllowAzureLoadBalancerInBound', protocol: '*', destinationPortRange: '*', sourceAddressPrefix: 'AzureLoadBalancer', destinationAddressPrefix: '*', access: 'Allow', priority: 65001, direction: 'Inbound' },
  { name: 'DenyAllInBound', protocol: '*', destinationPortRange: '*', sourceAddressPrefix: '*', destinationAddressPrefix: '*', access: 'Deny', priority: 65500, direction: 'Inbound' },
  { name: 'AllowVnetOutBound', protocol: '*', destinationPortRange: '*', sourceAddressPrefix: 'VirtualNetwork', destinationAddressPrefix: 'VirtualNetwork', access: 'Allow', priority: 65000, direction: 'Outbound' },
  { name: 'AllowInternetOutBound', protocol: '*', destinationPortRange: '*', sourceAddressPrefix: '*', destinationAddressPrefix: 'Internet', access: 'Allow', priority: 65001, direction: 'Outbound' },
  { name: 'DenyAllOutBound', protocol: '*', destinationPortRange: '*', sourceAddressPrefix: '*', destinationAddressPrefix: '*', access: 'Deny', priority: 65500, direction: 'Outbound' },
];
