import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import { detectFormat } from '../../src/inputs/formats.js';
import type { NetworkAsset } from '../../src/network/model.js';
import { loadLightsailInstances } from '../../src/parsers/aws/lightsail-export.js';
import { CORPUS, withoutLines } from './support.js';

const ARN = 'arn:aws:lightsail:eu-west-1:111122223333:Instance/7c1e2a44-0b5f-4c1d-9e2a-EXAMPLE11111';

/** A port rule as aws lightsail get-instances prints it today. */
function port(fromPort: number, toPort: number, fields: Record<string, unknown> = {}): Record<string, unknown> {
  return { fromPort, toPort, protocol: 'tcp', accessFrom: 'Anywhere (0.0.0.0/0)', accessType: 'public', commonName: '', accessDirection: 'inbound', cidrs: ['0.0.0.0/0'], ipv6Cidrs: ['::/0'], cidrListAliases: [], ...fields };
}

function instance(name: string, ports: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { name, arn: ARN, location: { availabilityZone: 'eu-west-1a', regionName: 'eu-west-1' }, blueprintId: 'ubuntu_22_04', networking: { ports }, ...extra };
}

function loaded(listing: unknown) {
  const text = JSON.stringify(listing, null, 2);
  const result = loadLightsailInstances({ path: '/in/lightsail.json', text, encoding: 'utf-8' }, { settings: DEFAULT_RULE_SETTINGS, readFile: (file) => ({ id: 'input/unreadable', file, message: 'not available', level: 'error' }) });
  const assets = result.models as NetworkAsset[];
  const findings: string[] = [];
  for (const rule of RULES) if (rule.input === 'network') for (const asset of assets) findings.push(...rule.check(asset as never, DEFAULT_RULE_SETTINGS).map((finding) => `${rule.id} ${finding.location.line} ${asset.asset.name}`));
  return { assets, findings: findings.sort(), problems: result.problems.map((problem) => `${problem.level} ${problem.id} ${problem.line} ${problem.message.split(' — ')[0]}`), lines: text.split('\n') };
}

describe('AWS Lightsail listings', () => {
  it('are told from security group listings by content: get-instances, get-instance and an array of instances', () => {
    const listing = JSON.stringify({ instances: [instance('web-1', [])] }, null, 2);
    expect(detectFormat('instances.json', listing)?.type).toBe('aws-lightsail');
    expect(detectFormat('one.json', JSON.stringify({ instance: instance('web-1', []) }))?.type).toBe('aws-lightsail');
    expect(detectFormat('groups.json', JSON.stringify({ SecurityGroups: [{ GroupId: 'sg-1', IpPermissions: [] }] }))?.type).toBe('aws');
  });

  it('each instance is an asset named by its ARN, in its account and region; each port is a rule at its line', () => {
    const { assets, findings, problems, lines } = loaded({ instances: [instance('web-1', [port(80, 80), port(22, 22), port(3389, 3389, { cidrs: ['203.0.113.0/24'], ipv6Cidrs: [], cidrListAliases: ['lightsail-connect'] })])] });
    expect(problems).toEqual([]);
    expect(assets.map((asset) => asset.asset)).toEqual([{ kind: 'aws-lightsail-instance', id: ARN, name: 'web-1', account: '111122223333', region: 'eu-west-1' }]);
    expect(findings).toEqual(['net/ssh-open-to-world 29 web-1']);
    expect(lines[29]).toContain('"fromPort": 22');
  });

  it('reads an array of pages, one per region, each instance at its line', () => {
    const { assets, findings, problems, lines } = loaded([{ instances: [instance('eu-1', [port(22, 22)])] }, { instances: [instance('us-1', [port(3389, 3389)], { arn: ARN.replace('eu-west-1', 'us-east-1') })] }]);
    expect(problems).toEqual([]);
    expect(assets.map((asset) => `${asset.asset.name} ${asset.asset.region}`)).toEqual(['eu-1 eu-west-1', 'us-1 us-east-1']);
    for (const finding of findings) expect(lines[Number(finding.split(' ')[1])]).toMatch(/"fromPort": (22|3389)/);
    expect(findings.map((finding) => `${finding.split(' ')[0]} ${finding.split(' ')[2]}`)).toEqual(['net/rdp-open-to-world us-1', 'net/ssh-open-to-world eu-1']);
  });

  it('reads every protocol Lightsail has; outbound traffic, which Lightsail does not filter, is no finding', () => {
    const { findings, problems } = loaded({ instances: [instance('app-1', [port(0, 65535, { protocol: 'all', cidrs: [], ipv6Cidrs: ['::/0'] }), port(8, -1, { protocol: 'icmp' }), port(51820, 51820, { protocol: 'udp' })])] });
    expect(problems).toEqual([]);
    expect(findings.map((finding) => finding.split(' ')[0])).toEqual(['net/all-ports-open-to-world', 'net/app-port-public', 'net/rdp-open-to-world', 'net/risky-port-open-to-world', 'net/ssh-open-to-world']);
  });

  it('an export from before Lightsail listed cidrs is read by its accessFrom; one that lists no addresses at all is said', () => {
    const { findings, problems } = loaded({
      instance: instance('old-1', [
        { fromPort: 22, toPort: 22, protocol: 'tcp', accessFrom: 'Anywhere (0.0.0.0/0)', accessType: 'public', commonName: '', accessDirection: 'inbound' },
        { fromPort: 3389, toPort: 3389, protocol: 'tcp', accessFrom: 'Custom', accessType: 'public', commonName: '', accessDirection: 'inbound' },
      ]),
    });
    expect(findings).toEqual(['net/ssh-open-to-world 12 old-1']);
    expect(problems).toEqual(['error lightsail/invalid-port 21 instance.networking.ports[1]: it lists no addresses (accessFrom \'Custom\')']);
  });

  it('what cannot be read is said, and the rest is judged', () => {
    const { findings, problems } = loaded({
      instances: [instance('ok-1', [port(22, 22), port(1, 2, { protocol: 'bogus' }), port(443, 443, { cidrs: ['not-a-cidr'] })]), { name: 'no-networking' }, 'text'],
      nextPageToken: 'abc',
    });
    expect(findings).toEqual(['net/ssh-open-to-world 13 ok-1']);
    expect(problems).toEqual([
      'warning lightsail/more-pages 1 the listing has a nextPageToken: more instances exist than this page holds',
      "error lightsail/invalid-port 29 instances[0].networking.ports[1]: protocol 'bogus' is not one of Lightsail's (tcp, udp, all, icmp, icmpv6)",
      "error lightsail/invalid-port 45 instances[0].networking.ports[2]: cidrs 'not-a-cidr' is not a CIDR",
      'error lightsail/invalid-instance 64 instances[1] is not a Lightsail instance with a name and networking.ports',
      'error lightsail/invalid-instance 67 instances[2] is not a Lightsail instance with a name and networking.ports',
    ]);
    expect(loaded({ instances: [] }).problems).toEqual(['error lightsail/empty 1 the listing holds no instances']);
    expect(loaded({ nope: true }).problems).toEqual(['error lightsail/invalid-instance 1 expected {"instances": [...]} (aws lightsail get-instances) or {"instance": {...}} (get-instance)']);
  });
});

describe('the Lightsail corpus', () => {
  const corpus = (name: string) => {
    const path = join(CORPUS, 'aws', name);
    const result = loadLightsailInstances({ path, text: readFileSync(path, 'utf8'), encoding: 'utf-8' }, { settings: DEFAULT_RULE_SETTINGS, readFile: (file) => ({ id: 'input/unreadable', file, message: 'not available', level: 'error' }) });
    return { assets: result.models as NetworkAsset[], problems: result.problems.map((problem) => problem.id), lines: readFileSync(path, 'utf8').split('\n') };
  };

  it('the SDK output and the CLI listing give the same assets and rules; each rule is at its port line', () => {
    const wire = corpus('lightsail-get-instances-page1.synthetic.json');
    const sdk = corpus('sdk-v3-lightsail-GetInstancesCommand-output.json');
    expect(wire.problems).toEqual(['lightsail/more-pages']);
    expect(sdk.problems).toEqual(['lightsail/more-pages']);
    expect(sdk.assets.map((asset) => ({ ...asset.asset, rules: asset.rules.map(withoutLines) }))).toEqual(wire.assets.map((asset) => ({ ...asset.asset, rules: asset.rules.map(withoutLines) })));
    for (const { assets, lines } of [wire, sdk]) for (const rule of assets.flatMap((asset) => asset.rules)) expect(lines.slice(rule.location.line - 1, rule.location.line + 1).join(' ')).toMatch(/^\s*\{\s*"fromPort": \d+/);
  });

  it("judges the instances as Lightsail leaves them: WordPress's default SSH, the bastion's office-only SSH, Windows' default RDP", () => {
    const { assets, problems } = corpus('sdk-v3-lightsail-all-instances.json');
    expect(problems).toEqual([]);
    const findings = assets.flatMap((asset) => RULES.filter((rule) => rule.input === 'network').flatMap((rule) => rule.check(asset as never, DEFAULT_RULE_SETTINGS).map((finding) => `${rule.id} ${asset.asset.name}`)));
    expect(findings.sort()).toEqual(['net/rdp-open-to-world reports-win-1', 'net/ssh-open-to-world reports-win-1', 'net/ssh-open-to-world wordpress-eu-1']);
  });
});
