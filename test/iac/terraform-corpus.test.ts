import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { InputFile } from '../../src/inputs/input-file.js';
import { terraformModule } from '../../src/parsers/terraform/module.js';
import { at, plain } from './terraform-helpers.js';

const corpus = new URL('../corpus/iac/terraform/', import.meta.url);

/** A corpus module's .tf files and auto-loaded variable files; the other variable files are given as --var-file. */
function moduleFiles(name: string): { files: InputFile[]; varFiles: InputFile[] } {
  const directory = new URL(`${name}/`, corpus);
  const files: InputFile[] = [];
  const varFiles: InputFile[] = [];
  for (const entry of readdirSync(directory).sort()) {
    const input: InputFile = { path: `${name}/${entry}`, text: readFileSync(new URL(entry, directory), 'utf8'), encoding: 'utf-8' };
    if (/\.tf(?:\.json)?$/.test(entry) || /\.auto\.tfvars(?:\.json)?$/.test(entry)) files.push(input);
    else if (/\.tfvars(?:\.json)?$/.test(entry)) varFiles.push(input);
  }
  return { files, varFiles };
}

describe('real Terraform modules', () => {
  test.each([
    ['google-firewall-rules', ['google_compute_firewall.rules["allow-ssh-ingress"]', 'google_compute_firewall.rules["deny-egress"]']],
    ['azurerm-network-security-group', ['azurerm_network_security_group.nsg', 'azurerm_network_security_rule.custom_rules[0]', 'azurerm_network_security_rule.custom_rules[1]']],
    ['in4it-bastion', ['aws_security_group.bastion']],
    ['in4it-alb', ['aws_security_group.lb', 'aws_security_group_rule.cluster-allow-lb[0]', 'aws_security_group_rule.cluster-allow-lb[1]']],
  ])('%s loads with no error and the expected resources', async (name, addresses) => {
    const { files, varFiles } = moduleFiles(name);
    const { resources, problems } = await terraformModule(files, { varFiles });
    expect(problems.filter((problem) => problem.level === 'error')).toEqual([]);
    expect(resources.map((resource) => resource.address)).toEqual(addresses);
  });

  test('google firewall rules: dynamic allow/deny blocks and coalesced ranges', async () => {
    const { resources } = await terraformModule(moduleFiles('google-firewall-rules').files, moduleFiles('google-firewall-rules'));
    const ssh = resources[0].body;
    expect(plain(at(ssh, 'source_ranges'))).toEqual(['0.0.0.0/0']);
    expect(plain(at(ssh, 'allow'))).toEqual({ protocol: 'tcp', ports: ['22'] });
    expect(at(ssh, 'deny')).toBeUndefined();
    expect(plain(at(ssh, 'project'))).toEqual({ unknown: ['var.project_id'] });
    expect(plain(at(resources[1].body, 'log_config'))).toEqual({ metadata: 'INCLUDE_ALL_METADATA' });
  });

  test('azurerm NSG rules: lookups with defaults, split port lists, the group read by name', async () => {
    const { files, varFiles } = moduleFiles('azurerm-network-security-group');
    const { resources } = await terraformModule(files, { varFiles });
    const https = resources[2].body;
    expect(plain(at(https, 'destination_port_ranges'))).toEqual(['443', '8443']);
    expect(plain(at(https, 'source_address_prefixes'))).toEqual(['10.0.0.0/8', '192.168.0.0/16']);
    expect(plain(at(https, 'source_address_prefix'))).toBeNull();
    expect(plain(at(https, 'network_security_group_name'))).toBe('nsg');
    expect(plain(at(resources[0].body, 'location'))).toEqual({ unknown: ['data.azurerm_resource_group.nsg.location'] });
  });

  test('in4it ALB: the rule reads the group it allows from', async () => {
    const { files, varFiles } = moduleFiles('in4it-alb');
    const { resources } = await terraformModule(files, { varFiles });
    expect(plain(at(resources[2].body, 'security_group_id'))).toBe('sg-0bbb');
    expect(plain(at(resources[2].body, 'source_security_group_id'))).toEqual({ unknown: ['aws_security_group.lb.id'], resource: 'aws_security_group.lb' });
    expect(plain(at(resources[0].body, 'ingress', 1, 'from_port'))).toBe(443);
  });
});
