import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NET_RULES } from '../../rules/net/index.js';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import { readInputFile } from '../../src/inputs/input-file.js';
import { formatByType } from '../../src/inputs/formats.js';

/**
 * Real captures (test/corpus: ufw output of the real ufw 0.36.2, netsh text, AWS/Azure/GCP CLI and REST shapes)
 * read by the real parsers, judged by every net rule. Each expectation was checked by hand against the capture.
 */
const CORPUS = join(import.meta.dirname, '../corpus/');
const context = { settings: DEFAULT_RULE_SETTINGS, readFile: (path: string) => readInputFile(path, 1 << 30) };

async function findings(type: string, path: string): Promise<string[]> {
  const result = await formatByType(type)!.load(CORPUS + path, context);
  if ('id' in result) throw new Error(result.message);
  const models = [...result.models];
  expect(models.length).toBeGreaterThan(0);
  return models.flatMap((model) =>
    model.kind !== 'network' ? [] : NET_RULES.flatMap((rule) => rule.check(model, DEFAULT_RULE_SETTINGS).map((finding) => `${rule.id} ${finding.location.line}`)),
  ).sort();
}

const only = (prefix: string, list: string[]) => list.filter((line) => line.startsWith(prefix));

describe('net rules over real captures', () => {
  it('ufw status verbose (oracle-full): SSH and the app ports open to the world, v4 and v6 rows; 22 from 10.0.0.0/8 and 3389 from 192.168.1.0/24 are not', async () => {
    const all = await findings('ufw', 'ufw/oracle-full/status-verbose.txt');
    expect(only('net/ssh-open-to-world', all)).toEqual(['net/ssh-open-to-world 26', 'net/ssh-open-to-world 9']);
    expect(only('net/app-port-public', all)).toEqual(['net/app-port-public 17', 'net/app-port-public 20', 'net/app-port-public 34', 'net/app-port-public 35']);
    expect(only('net/rdp-open-to-world', all)).toEqual([]);
    expect(only('net/egress-open-to-world', all)).toEqual(['net/egress-open-to-world 3']);
    expect(only('net/firewall-disabled', all)).toEqual([]);
  });

  it('ufw inactive: the firewall is off and everything is reported at the Status line', async () => {
    const all = await findings('ufw', 'ufw/oracle-inactive/status-verbose.txt');
    expect(only('net/firewall-disabled', all)).toEqual(['net/firewall-disabled 1']);
    expect(only('net/ssh-open-to-world', all)).toEqual(['net/ssh-open-to-world 1']);
  });

  it('ufw default allow incoming with an allow on eth0 only: the default decides the other interfaces', async () => {
    const all = await findings('ufw', 'ufw/oracle-default-allow/status-verbose.txt');
    expect(only('net/default-inbound-allow', all)).toEqual(['net/default-inbound-allow 3']);
    expect(only('net/all-ports-open-to-world', all)).toEqual(['net/all-ports-open-to-world 10', 'net/all-ports-open-to-world 12']);
  });

  it('AWS describe-security-groups: SSH from 0.0.0.0/0 and ::/0, the app port range from 0.0.0.0/0, default egress', async () => {
    const all = await findings('aws', 'aws/cli-describe-security-groups.derived.json');
    expect(only('net/ssh-open-to-world', all)).toEqual(['net/ssh-open-to-world 42', 'net/ssh-open-to-world 47']);
    expect(only('net/app-port-public', all)).toEqual(['net/app-port-public 59']);
    expect(only('net/egress-open-to-world', all)).toEqual(['net/egress-open-to-world 11', 'net/egress-open-to-world 16']);
  });

  it('Azure az network nsg list: SSH and RDP rules from the internet; AllowInternetOutBound is wide egress', async () => {
    const all = await findings('azure', 'azure/az-network-nsg-list.derived.json');
    expect(only('net/ssh-open-to-world', all)).toEqual(['net/ssh-open-to-world 10']);
    expect(only('net/rdp-open-to-world', all)).toEqual(['net/rdp-open-to-world 30']);
    expect(only('net/shadowed-rule', all)).toEqual([]);
  });

  it('GCP firewalls list: default-allow-ssh in the default network', async () => {
    const all = await findings('gcp', 'gcp/firewalls-list-rest.json');
    expect(only('net/ssh-open-to-world', all)).toEqual(['net/ssh-open-to-world 5']);
  });

  it('netsh show allprofiles with the Public profile off', async () => {
    const all = await findings('windows-firewall', 'windows/show-allprofiles.synthetic.en.txt');
    expect(only('net/firewall-disabled', all)).toEqual(['net/firewall-disabled 36']);
    expect(only('net/default-inbound-allow', all)).toEqual([]);
  });
});
