import { describe, expect, test } from 'vitest';
import { change, planText } from './terraform-plan-support.js';
import { scanned, tree } from './terraform-trees.js';

/** A classic NAT rule collection with one rule block of the given body. */
function classic(action: string, rule: string): string {
  return `resource "azurerm_firewall_nat_rule_collection" "inbound" {
  name                = "inbound"
  azure_firewall_name = "hub-fw"
  resource_group_name = "rg-hub"
  priority            = 100
  action              = ${action}

  rule {
    name                  = "r"
    destination_addresses = [azurerm_public_ip.hub.ip_address]
    destination_ports     = ["50001"]
    translated_address    = "10.20.1.4"
${rule}
  }
}
`;
}

const kinds = (findings: string[]) => findings.map((finding) => finding.split(' ')[0]).sort();

describe('Azure Firewall DNAT rules (Terraform, plans)', () => {
  test("the firewall's own address does not decide who reaches the machine: it is not a value the finding depends on", async () => {
    const { findings, problems } = await scanned(tree({ 'main.tf': classic('"Dnat"', '    protocols = ["TCP"]\n    source_addresses = ["*"]\n    translated_port = 3389') }));
    expect(findings).toEqual(['net/rdp-open-to-world main.tf:8 azurerm_firewall_nat_rule_collection.inbound']);
    expect(problems).toEqual([]);
  });

  test('nor does the machine it is translated to: a module output or a variable there leaves the finding certain', async () => {
    const main = 'variable "vm_ip" {}\n' + classic('"Dnat"', '    protocols = ["TCP"]\n    source_addresses = ["*"]\n    translated_port = "22"').replace('"10.20.1.4"', 'var.vm_ip');
    const { findings, problems } = await scanned(tree({ 'main.tf': main }));
    expect(findings).toEqual(['net/ssh-open-to-world main.tf:9 azurerm_firewall_nat_rule_collection.inbound']);
    expect(problems).toEqual([]);
  });

  test('unknown values are the worst they could be: an unknown action is DNAT, an unknown port every port, unknown sources anywhere', async () => {
    const { findings, problems } = await scanned(
      tree({ 'main.tf': 'variable "action" {}\nvariable "port" {}\nvariable "sources" {}\n' + classic('var.action', '    protocols = ["TCP"]\n    source_addresses = var.sources\n    translated_port = var.port') }),
    );
    expect(kinds(findings)).toEqual(['net/all-ports-open-to-world', 'net/app-port-public', 'net/rdp-open-to-world', 'net/risky-port-open-to-world', 'net/ssh-open-to-world']);
    expect(problems).toEqual([expect.stringMatching(/^warning iac\/unresolved main\.tf:17 3 values could not be resolved from the code \(`var\.action`, `var\.sources`, `var\.port`\)/)]);
  });

  test('a SNAT collection translates outbound traffic and opens nothing; an action the provider rejects is an error', async () => {
    const rule = '    protocols = ["TCP"]\n    source_addresses = ["*"]\n    translated_port = 22';
    expect((await scanned(tree({ 'main.tf': classic('"Snat"', rule) }))).findings).toEqual([]);
    const { findings, problems } = await scanned(tree({ 'main.tf': classic('"Allow"', rule) }));
    expect(findings).toEqual([]);
    expect(problems).toEqual(["error iac/invalid-resource main.tf:1 azurerm_firewall_nat_rule_collection.inbound: NAT rule collection 'inbound': action 'Allow' is not Dnat or Snat"]);
  });

  test("a dynamic block of rules over a variable is judged as the variable's worst", async () => {
    const main = `variable "nat_rules" {}
resource "azurerm_firewall_policy_rule_collection_group" "hub" {
  name               = "hub"
  firewall_policy_id = "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/firewallPolicies/p"
  priority           = 100
  nat_rule_collection {
    name     = "inbound"
    priority = 100
    action   = "Dnat"
    dynamic "rule" {
      for_each = var.nat_rules
      content {
        name                = rule.key
        protocols           = ["TCP"]
        source_addresses    = rule.value.sources
        destination_address = "20.61.12.8"
        destination_ports   = [rule.value.port]
        translated_address  = rule.value.address
        translated_port     = rule.value.port
      }
    }
  }
}
`;
    const { findings } = await scanned(tree({ 'main.tf': main }));
    expect(kinds(findings)).toContain('net/ssh-open-to-world');
    const given = await scanned(tree({ 'main.tf': main, 'terraform.tfvars': 'nat_rules = { web = { sources = ["*"], port = "443", address = "10.20.1.7" }, ssh = { sources = ["198.51.100.0/24"], port = "22", address = "10.20.1.5" } }\n' }));
    expect(given.findings).toEqual([]);
  });

  test('an ARM rule collection of an unknown type is taken as a NAT collection, the one kind that opens', async () => {
    const template = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: { kind: { type: 'string' } },
      resources: [
        {
          type: 'Microsoft.Network/firewallPolicies/ruleCollectionGroups',
          apiVersion: '2023-09-01',
          name: 'policy/dnat',
          properties: {
            priority: 100,
            ruleCollections: [
              { ruleCollectionType: "[parameters('kind')]", name: 'maybe', priority: 100, action: { type: 'DNAT' }, rules: [{ ruleType: 'NatRule', name: 'rdp', ipProtocols: ['TCP'], sourceAddresses: ['*'], destinationAddresses: ['20.61.12.8'], destinationPorts: ['3389'], translatedAddress: '10.20.1.4', translatedPort: '3389' }] },
              { ruleCollectionType: 'FirewallPolicyFilterRuleCollection', name: 'filter', priority: 200, action: { type: 'Allow' }, rules: [{ ruleType: 'NetworkRule', name: 'all', ipProtocols: ['Any'], sourceAddresses: ['*'], destinationAddresses: ['*'], destinationPorts: ['*'] }] },
            ],
          },
        },
      ],
    };
    const { findings } = await scanned(tree({ 'template.json': JSON.stringify(template, null, 2) }));
    expect(findings.map((finding) => finding.split(' ')[0])).toEqual(['net/rdp-open-to-world']);
  });

  test('a plan judges the rule collection group Terraform will create', async () => {
    const group = {
      name: 'hub',
      priority: 100,
      nat_rule_collection: [{ name: 'inbound', priority: 100, action: 'Dnat', rule: [{ name: 'ssh', protocols: ['TCP'], source_addresses: ['*'], source_ip_groups: [], destination_address: '20.61.12.8', destination_ports: ['2222'], translated_address: '10.20.1.5', translated_fqdn: '', translated_port: '22', description: '' }] }],
      network_rule_collection: [],
      application_rule_collection: [],
    };
    const directory = tree({ 'plan.json': planText([change('azurerm_firewall_policy_rule_collection_group.hub', 'azurerm_firewall_policy_rule_collection_group', group, { afterUnknown: { id: true, firewall_policy_id: true } })]) });
    const { findings, problems } = await scanned(directory);
    expect(findings.map((finding) => finding.replace(/:\d+ /, ' '))).toEqual(['net/ssh-open-to-world plan.json azurerm_firewall_policy_rule_collection_group.hub']);
    expect(problems).toEqual([]);
  });
});
