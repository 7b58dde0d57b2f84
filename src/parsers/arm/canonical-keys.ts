/**
 * ARM compares property names without case; the mappers read them by their documented spelling. Keys of the
 * vocabulary they read are written that way whatever case the template uses; other keys stay as written.
 */
const CANONICAL = new Map(
  [
    'name', 'type', 'location', 'properties', 'tags', 'id', 'condition', 'dependsOn', 'apiVersion', 'resources',
    'securityRules', 'defaultSecurityRules', 'flushConnection', 'description', 'protocol', 'access', 'priority', 'direction',
    'sourcePortRange', 'sourcePortRanges', 'destinationPortRange', 'destinationPortRanges',
    'sourceAddressPrefix', 'sourceAddressPrefixes', 'destinationAddressPrefix', 'destinationAddressPrefixes',
    'sourceApplicationSecurityGroups', 'destinationApplicationSecurityGroups',
    'networkSecurityGroup', 'subnets', 'ipConfigurations', 'addressPrefix', 'addressPrefixes',
    'natRuleCollections', 'ruleCollections', 'ruleCollectionType', 'rules', 'action', 'protocols', 'ipProtocols',
    'sourceAddresses', 'sourceIpGroups', 'destinationAddresses', 'destinationPorts', 'translatedAddress', 'translatedFqdn',
    'translatedPort',
  ].map((key) => [key.toLowerCase(), key]),
);

export function canonicalKey(key: string): string {
  return CANONICAL.get(key.toLowerCase()) ?? key;
}
