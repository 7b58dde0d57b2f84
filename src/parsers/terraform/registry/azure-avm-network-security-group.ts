import { unknown, type IacResource, type IacValue } from '../../iac/value.js';
import type { KnownModule } from '../known-modules.js';
import { object } from '../values.js';
import { given, keyedItems, rejected } from './call-values.js';

const RULE = 'azurerm_network_security_rule';
/** What a rule the code does not fix stands for: each of its fields unknown. */
const UNKNOWN_RULE_FIELDS = ['name', 'access', 'direction', 'priority', 'protocol', 'source_address_prefix', 'source_port_range', 'destination_address_prefix', 'destination_port_range'];
const VARIABLES = ['name', 'location', 'resource_group_name', 'parent_id', 'security_rules', 'tags', 'lock', 'role_assignments', 'diagnostic_settings', 'enable_telemetry', 'timeouts'];

/**
 * Azure Verified Modules' network security group for Terraform (Azure/avm-res-network-networksecuritygroup/azurerm):
 * the NSG `name`, and one rule per entry of the `security_rules` map, its fields passed on as they are
 * (`azurerm_network_security_rule.this["ssh"]`; the versions on AzAPI keep the same rules under another type).
 */
export const azureAvmNetworkSecurityGroupModule: KnownModule = {
  variables: new Set(VARIABLES),
  instance(inputs, place) {
    const { line, prefix, file } = place;
    const address = `${prefix}azurerm_network_security_group.this`;
    const name = inputs.get('name') ?? unknown(line, [`${prefix}name`]);
    const resources: IacResource[] = [{ type: 'azurerm_network_security_group', address, file, line, body: object(new Map([['name', name]]), line) }];
    const group = unknown(line, [`${prefix}name`], address);
    const rules = inputs.get('security_rules');
    const entries = rules ? keyedItems(rules) : [];
    if (entries === 'not a map') rejected(place, rules!, 'security_rules is not a map of rules');
    else {
      for (const { item: rule, key } of entries) {
        const fields = rule.kind === 'object' ? new Map([...rule.fields].filter(([, value]) => given(value))) : new Map(UNKNOWN_RULE_FIELDS.map((field): [string, IacValue] => [field, rule]));
        fields.set('network_security_group_name', group);
        resources.push({ type: RULE, address: `${prefix}${RULE}.this${key}`, file, line: rule.line, body: object(fields, rule.line) });
      }
    }
    // Its outputs are more than Parapet knows of: each is unknown.
    return { resources, outputs: unknown(line, [place.name]) };
  },
};
