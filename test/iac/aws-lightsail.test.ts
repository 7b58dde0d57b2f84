import { describe, expect, test } from 'vitest';
import { scanned, tree } from './terraform-trees.js';

const INSTANCE = (name: string, blueprint: string) => `resource "aws_lightsail_instance" "${name}" {
  name              = "${name}"
  availability_zone = "eu-west-1a"
  blueprint_id      = ${blueprint}
  bundle_id         = "nano_3_0"
}
`;

describe('Lightsail instances in infrastructure code', () => {
  test("an instance whose ports nothing sets keeps Lightsail's default rules; an unknown blueprint may be Windows", async () => {
    const { findings, problems } = await scanned(tree({ 'main.tf': `${INSTANCE('linux', '"ubuntu_22_04"')}${INSTANCE('any', 'var.blueprint')}variable "blueprint" {}\n` }));
    expect(findings.sort()).toEqual([
      'net/rdp-open-to-world main.tf:7 aws_lightsail_instance.any',
      'net/ssh-open-to-world main.tf:1 aws_lightsail_instance.linux',
      'net/ssh-open-to-world main.tf:7 aws_lightsail_instance.any',
    ]);
    expect(problems).toEqual(['warning iac/unresolved main.tf:7 1 value could not be resolved from the code (`var.blueprint`): the rules that use it were judged as the worst it could be']);
  });

  test('public ports replace the defaults, whichever way they name the instance; ports of an instance not declared here are its own asset', async () => {
    const ports = (resource: string, instance: string, info: string) => `resource "aws_lightsail_instance_public_ports" "${resource}" {\n  instance_name = ${instance}\n  port_info {\n${info}\n  }\n}\n`;
    const https = '    protocol = "tcp"\n    from_port = 443\n    to_port = 443';
    const { findings, problems } = await scanned(
      tree({
        'main.tf': [
          INSTANCE('web', '"ubuntu_22_04"'),
          INSTANCE('win', '"windows_server_2022"'),
          ports('web', 'aws_lightsail_instance.web.name', https),
          ports('win', '"win"', https),
          ports('elsewhere', '"legacy-box"', '    protocol = "all"\n    from_port = 0\n    to_port = 65535\n    cidrs = [var.admin]'),
          'variable "admin" {}\n',
        ].join('\n'),
      }),
    );
    expect(findings.sort()).toEqual([
      'net/all-ports-open-to-world main.tf:39 legacy-box',
      'net/app-port-public main.tf:39 legacy-box',
      'net/rdp-open-to-world main.tf:39 legacy-box',
      'net/risky-port-open-to-world main.tf:39 legacy-box',
      'net/ssh-open-to-world main.tf:39 legacy-box',
    ]);
    expect(problems).toEqual(['warning iac/unresolved main.tf:39 1 value could not be resolved from the code (`var.admin`): the rules that use it were judged as the worst it could be']);
  });

  test('a port rule Lightsail would refuse is said; the rest of the instance is judged', async () => {
    const { findings, problems } = await scanned(
      tree({
        'main.tf': `${INSTANCE('web', '"ubuntu_22_04"')}resource "aws_lightsail_instance_public_ports" "web" {
  instance_name = aws_lightsail_instance.web.name
  port_info {
    protocol  = "gre"
    from_port = 0
    to_port   = 0
  }
  port_info {
    protocol  = "tcp"
    from_port = 22
    to_port   = 22
    ipv6_cidrs = ["::/0"]
  }
}
`,
      }),
    );
    expect(findings).toEqual(['net/ssh-open-to-world main.tf:14 aws_lightsail_instance.web']);
    expect(problems).toEqual(["error iac/invalid-resource main.tf:9 aws_lightsail_instance_public_ports.web port_info[0]: protocol 'gre' is not one of Lightsail's (tcp, udp, all, icmp, icmpv6)"]);
  });

  test('CloudFormation: Networking.Ports replaces the defaults; an instance without it keeps them', async () => {
    const template = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Site:
    Type: AWS::Lightsail::Instance
    Properties:
      InstanceName: site-1
      BlueprintId: windows_server_2022
      BundleId: small_win_3_0
      Networking:
        MonthlyTransfer:
          GbPerMonthAllocated: '1024'
  Closed:
    Type: AWS::Lightsail::Instance
    Properties:
      InstanceName: closed-1
      BlueprintId: ubuntu_22_04
      BundleId: nano_3_0
      Networking:
        Ports:
          - Protocol: tcp
            FromPort: 443
            ToPort: 443
`;
    const { findings, problems } = await scanned(tree({ 'stack.yaml': template }));
    expect(findings).toEqual(['net/rdp-open-to-world stack.yaml:3 Site', 'net/ssh-open-to-world stack.yaml:3 Site']);
    expect(problems).toEqual([]);
  });
});
