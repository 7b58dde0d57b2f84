import { describe, expect, test } from 'vitest';
import { change, planText } from './terraform-plan-support.js';
import { scanned, tree } from './terraform-trees.js';

const COLLECTION = `resource "azurerm_network_manager_admin_rule_collection" "spokes" {
  name                            = "spokes"
  security_admin_configuration_id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkManagers/m/securityAdminConfigurations/c"
  network_group_ids               = ["/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkManagers/m/networkGroups/spokes"]
}
`;

/** An admin rule of the collection above, with the given attributes and blocks. */
function adminRule(name: string, body: string): string {
  return `resource "azurerm_network_manager_admin_rule" "${name}" {
  name                     = "${name}"
  admin_rule_collection_id = azurerm_network_manager_admin_rule_collection.spokes.id
  direction                = "Inbound"
  protocol                 = "Tcp"
${body}
}
`;
}

const FROM_INTERNET = '  source {\n    address_prefix_type = "ServiceTag"\n    address_prefix      = "Internet"\n  }\n';

describe('Azure Virtual Network Manager security admin rules (Terraform)', () => {
  test('an AlwaysAllow is judged on its collection, before any NSG; an Allow hands its traffic to the NSGs and opens nothing', async () => {
    const directory = tree({
      'main.tf': COLLECTION +
        adminRule('always_ssh', `  action = "AlwaysAllow"\n  priority = 100\n  destination_port_ranges = ["22"]\n${FROM_INTERNET}`) +
        adminRule('allow_rdp', `  action = "Allow"\n  priority = 110\n  destination_port_ranges = ["3389"]\n${FROM_INTERNET}`),
    });
    const { findings, problems } = await scanned(directory);
    expect(findings).toEqual(['net/ssh-open-to-world main.tf:6 azurerm_network_manager_admin_rule_collection.spokes']);
    expect(problems).toEqual([]);
  });

  test('a Deny at a lower priority number drops the traffic an AlwaysAllow after it would let in', async () => {
    const deny = adminRule('deny_ssh', '  action = "Deny"\n  priority = 50\n  destination_port_ranges = ["22"]\n');
    const always = adminRule('always_ssh', `  action = "AlwaysAllow"\n  priority = 100\n  destination_port_ranges = ["22", "3389"]\n${FROM_INTERNET}`);
    const { findings } = await scanned(tree({ 'main.tf': COLLECTION + deny + always + 'variable "denied_ports" {}\n' }));
    expect(findings).toEqual([`net/rdp-open-to-world main.tf:${5 + deny.split('\n').length} azurerm_network_manager_admin_rule_collection.spokes`]);
  });

  test('absent ports, sources and destinations match everything, as * does', async () => {
    const { findings } = await scanned(tree({ 'main.tf': COLLECTION + adminRule('everything', '  action = "AlwaysAllow"\n  priority = 100\n') }));
    expect(findings.map((finding) => finding.split(' ')[0]).sort()).toEqual(['net/all-ports-open-to-world', 'net/app-port-public', 'net/rdp-open-to-world', 'net/risky-port-open-to-world', 'net/ssh-open-to-world']);
  });

  test('a network group or a private prefix as the source is not the internet', async () => {
    const sources = '  source {\n    address_prefix_type = "NetworkGroup"\n    address_prefix      = var.hub_group_id\n  }\n  source {\n    address_prefix_type = "IPPrefix"\n    address_prefix      = "10.0.1.0/26"\n  }\n';
    const { findings } = await scanned(tree({ 'main.tf': COLLECTION + adminRule('hub_ssh', `  action = "AlwaysAllow"\n  priority = 100\n  destination_port_ranges = ["22"]\n${sources}`) + 'variable "hub_group_id" {}\n' }));
    expect(findings).toEqual([]);
  });

  test('unknown values are the worst they could be: an unknown action is an AlwaysAllow, a Deny with an unknown match protects nothing', async () => {
    const unknownAction = adminRule('rules', `  action = var.action\n  priority = 100\n  destination_port_ranges = ["22"]\n${FROM_INTERNET}`);
    const { findings: unknown } = await scanned(tree({ 'main.tf': COLLECTION + unknownAction + 'variable "action" {}\n' }));
    expect(unknown).toEqual(['net/ssh-open-to-world main.tf:11 azurerm_network_manager_admin_rule_collection.spokes']);

    const deny = adminRule('deny_ssh', '  action = "Deny"\n  priority = 50\n  destination_port_ranges = var.denied_ports\n');
    const always = adminRule('always_ssh', `  action = "AlwaysAllow"\n  priority = 100\n  destination_port_ranges = ["22"]\n${FROM_INTERNET}`);
    const directory = tree({ 'main.tf': COLLECTION + deny + always + 'variable "denied_ports" {}\n' });
    const { findings, problems } = await scanned(directory);
    expect(findings).toEqual([`net/ssh-open-to-world main.tf:${5 + deny.split('\n').length} azurerm_network_manager_admin_rule_collection.spokes`]);
    expect(problems.some((problem) => problem.startsWith('warning iac/unresolved') && problem.includes('`var.denied_ports`'))).toBe(true);
  });

  test('a rule of a collection declared elsewhere is judged on a collection named by its id', async () => {
    const rule = adminRule('always_ssh', `  action = "AlwaysAllow"\n  priority = 100\n  destination_port_ranges = ["22"]\n${FROM_INTERNET}`).replace('azurerm_network_manager_admin_rule_collection.spokes.id', '"/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkManagers/m/securityAdminConfigurations/c/ruleCollections/shared"');
    const { findings } = await scanned(tree({ 'main.tf': rule }));
    expect(findings).toEqual(['net/ssh-open-to-world main.tf:1 /subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkManagers/m/securityAdminConfigurations/c/ruleCollections/shared']);
  });

  test('an invalid protocol is an error at the rule, and the other rules are judged', async () => {
    const bad = adminRule('bad', '  action = "AlwaysAllow"\n  priority = 100\n').replace('"Tcp"', '"Tcp/Udp"');
    const good = adminRule('always_ssh', `  action = "AlwaysAllow"\n  priority = 110\n  destination_port_ranges = ["22"]\n${FROM_INTERNET}`);
    const { findings, problems } = await scanned(tree({ 'main.tf': COLLECTION + bad + good }));
    expect(findings).toEqual([`net/ssh-open-to-world main.tf:${5 + bad.split('\n').length} azurerm_network_manager_admin_rule_collection.spokes`]);
    expect(problems).toContain("error iac/invalid-resource main.tf:6 azurerm_network_manager_admin_rule.bad: admin rule 'bad': protocol 'Tcp/Udp' is not Tcp, Udp, Icmp, Esp, Ah or *");
  });
});

describe('Azure Virtual Network Manager security admin rules (plans and ARM)', () => {
  test('a plan: the admin rule as Terraform will create it', async () => {
    const rule = {
      name: 'always-ssh', action: 'AlwaysAllow', direction: 'Inbound', priority: 100, protocol: 'Tcp',
      admin_rule_collection_id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkManagers/m/securityAdminConfigurations/c/ruleCollections/spokes',
      destination_port_ranges: ['22'], source_port_ranges: null, description: null,
      source: [{ address_prefix: '0.0.0.0/0', address_prefix_type: 'IPPrefix' }], destination: [],
    };
    const directory = tree({ 'plan.json': planText([change('azurerm_network_manager_admin_rule.ssh', 'azurerm_network_manager_admin_rule', rule)]) });
    const { findings, problems } = await scanned(directory);
    expect(findings).toEqual([`net/ssh-open-to-world plan.json:6 ${rule.admin_rule_collection_id}`]);
    expect(problems).toEqual([]);
  });

  test('a plan: a rule attaches to the collection created with it, through the configuration\'s references', async () => {
    const rule = { name: 'always-ssh', action: 'AlwaysAllow', direction: 'Inbound', priority: 100, protocol: 'Tcp', destination_port_ranges: ['22'], source: [{ address_prefix: 'Internet', address_prefix_type: 'ServiceTag' }] };
    const text = planText(
      [
        change('azurerm_network_manager_admin_rule_collection.spokes', 'azurerm_network_manager_admin_rule_collection', { name: 'spokes', network_group_ids: ['g'] }, { afterUnknown: { id: true, security_admin_configuration_id: true } }),
        change('azurerm_network_manager_admin_rule.ssh', 'azurerm_network_manager_admin_rule', rule, { afterUnknown: { id: true, admin_rule_collection_id: true } }),
      ],
      { configuration: { provider_config: {}, root_module: { resources: [{ address: 'azurerm_network_manager_admin_rule.ssh', mode: 'managed', type: 'azurerm_network_manager_admin_rule', name: 'ssh', expressions: { admin_rule_collection_id: { references: ['azurerm_network_manager_admin_rule_collection.spokes.id', 'azurerm_network_manager_admin_rule_collection.spokes'] } } }] } } },
    );
    const { findings, problems } = await scanned(tree({ 'plan.json': text }));
    expect(findings).toEqual([`net/ssh-open-to-world plan.json:${text.split('\n').findIndex((line) => line.includes('"address": "azurerm_network_manager_admin_rule.ssh"')) + 1} azurerm_network_manager_admin_rule_collection.spokes`]);
    expect(problems).toEqual([]);
  });

  test("an ARM template: Azure's default admin rules are a warning, not judged", async () => {
    const template = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [
        { type: 'Microsoft.Network/networkManagers/securityAdminConfigurations/ruleCollections/rules', apiVersion: '2024-05-01', name: 'm/c/spokes/vnet-inbound', kind: 'Default', properties: { flag: 'AllowVnetInbound' } },
      ],
    };
    const { findings, problems } = await scanned(tree({ 'template.json': JSON.stringify(template, null, 2) }));
    expect(findings).toEqual([]);
    expect(problems).toEqual(["warning iac/unsupported template.json:5 m/c/spokes/vnet-inbound: admin rule 'vnet-inbound' is one of Azure's default admin rules (flag 'AllowVnetInbound'): what it matches is not in the input, and it is not judged"]);
  });
});
