import { describe, expect, it } from 'vitest';
import { ALL_PORTS, type NetworkAsset } from '../../src/network/model.js';
import { loadAwsSecurityGroups } from '../../src/parsers/aws/load.js';
import { lineText, loadCorpus, loadText, withoutLines } from './support.js';

const load = loadAwsSecurityGroups;
const cli = loadCorpus(load, 'aws/cli-describe-security-groups.derived.json');
const web = () => cli.assets.find((asset) => asset.asset.name === 'web-public')!;
const rulesOf = (asset: NetworkAsset, direction = 'inbound') => asset.rules.filter((rule) => rule.direction === direction);

describe('aws describe-security-groups (CLI JSON)', () => {
  it('makes one allow-only asset per group, named by its ARN, account and region', () => {
    expect(cli.result.problems).toEqual([
      expect.objectContaining({ id: 'aws/prefix-list-unresolved', level: 'warning', line: cli.lines.findIndex((line) => line.includes('"pl-63a5400a"')) + 1 }),
    ]);
    expect(cli.result.problems[0].message).toMatch(/prefix lists whose entries this export does not show \(pl-63a5400a\)/);
    expect(cli.assets.map((asset) => asset.asset)).toEqual([
      { kind: 'aws-security-group', id: 'arn:aws:ec2:us-east-1:123456789012:security-group/sg-0a1b2c3d4e5f60001', name: 'web-public', account: '123456789012', region: 'us-east-1' },
      // No ARN of its own: built from the region the other group's ARN shows.
      { kind: 'aws-security-group', id: 'arn:aws:ec2:us-east-1:123456789012:security-group/sg-0a1b2c3d4e5f60002', name: 'db-internal', account: '123456789012', region: 'us-east-1' },
    ]);
    for (const asset of cli.assets) {
      expect(asset.semantics).toBe('allow-only');
      expect(asset.scopes).toHaveLength(1);
      expect(asset.scopes[0]).toMatchObject({ enabled: true, defaultInbound: 'deny', defaultOutbound: 'deny' });
      expect(lineText(cli.lines, asset.location.line).trim()).toBe('{');
    }
  });

  it('makes one rule per source entry, located at the line that names the source', () => {
    for (const asset of cli.assets) {
      for (const rule of asset.rules) {
        const [remote] = rule.remote;
        const named = remote.kind === 'cidr' ? remote.text : remote.kind === 'symbol' ? remote.name : remote.text;
        expect(lineText(cli.lines, rule.location.line), rule.label).toContain(`"${named}"`);
        expect(rule.location.file).toContain('cli-describe-security-groups.derived.json');
      }
    }
    expect(rulesOf(web()).map((rule) => rule.label)).toEqual([
      'IpPermissions[0] tcp/22 from 0.0.0.0/0',
      'IpPermissions[0] tcp/22 from ::/0',
      'IpPermissions[1] tcp/8081-8084 from 0.0.0.0/0',
      'IpPermissions[1] tcp/8081-8084 from 10.0.0.0/8',
      'IpPermissions[2] tcp/3389 from 203.0.113.0/24',
      'IpPermissions[2] tcp/3389 from pl-63a5400a',
      'IpPermissions[3] icmp from 0.0.0.0/0',
    ]);
  });

  it('reads protocols by name and number, and ports as AWS means them', () => {
    const [ssh, , app, , rdp, , icmp] = rulesOf(web());
    expect(ssh).toMatchObject({ protocol: 'tcp', ports: [{ from: 22, to: 22 }], action: 'allow', priority: 0, enabled: true });
    expect(app.ports).toEqual([{ from: 8081, to: 8084 }]);
    expect(rdp.protocol).toBe('tcp'); // IpProtocol "6"
    expect(icmp).toMatchObject({ protocol: 'icmp', ports: [ALL_PORTS] }); // From/ToPort -1 are ICMP type and code
    const [egress] = rulesOf(web(), 'outbound');
    expect(egress).toMatchObject({ protocol: 'any', ports: [ALL_PORTS], remote: [{ kind: 'cidr', cidr: '0.0.0.0/0' }] });
  });

  it('keeps prefix lists unknown and group references apart from addresses', () => {
    expect(rulesOf(web())[5].remote).toEqual([{ kind: 'symbol', name: 'pl-63a5400a', public: 'unknown', text: 'pl-63a5400a' }]);
    const db = cli.assets[1];
    expect(db.rules.map((rule) => rule.remote[0])).toEqual([
      { kind: 'group', ref: '123456789012/sg-0a1b2c3d4e5f60001', text: 'sg-0a1b2c3d4e5f60001' },
      { kind: 'group', ref: '123456789012/sg-0a1b2c3d4e5f60002', text: 'sg-0a1b2c3d4e5f60002' },
    ]);
    expect(db.rules[1]).toMatchObject({ protocol: 'any', ports: [ALL_PORTS] }); // "-1" without From/ToPort
  });
});

describe('aws SDK v3 output', () => {
  it('reads the paginator array and the single-command output ($metadata, NextToken) into the same rules as the CLI', () => {
    const paginated = loadCorpus(load, 'aws/sdk-v3-paginate-all-SecurityGroups.json');
    expect(paginated.result.problems.map((problem) => problem.id)).toEqual(['aws/prefix-list-unresolved']);
    expect(paginated.assets.map((asset) => asset.rules.map(withoutLines))).toEqual(cli.assets.map((asset) => asset.rules.map(withoutLines)));

    const single = loadCorpus(load, 'aws/sdk-v3-DescribeSecurityGroupsCommand-output.json');
    expect(single.assets.map((asset) => asset.rules.map(withoutLines))).toEqual([web().rules.map(withoutLines)]);
    expect(single.result.problems.map((problem) => [problem.id, problem.level])).toEqual([['aws/prefix-list-unresolved', 'warning'], ['aws/more-pages', 'warning']]);
  });
});

describe('aws describe-security-group-rules', () => {
  const rules = loadCorpus(load, 'aws/cli-describe-security-group-rules.synthetic.json');

  it('groups the rules back into their security groups, with ARNs from the rule ARNs', () => {
    expect(rules.result.problems.map((problem) => problem.id)).toEqual(['aws/prefix-list-unresolved']);
    expect(rules.assets.map((asset) => [asset.asset.id, asset.rules.map((rule) => rule.label)])).toEqual([
      ['arn:aws:ec2:us-east-1:123456789012:security-group/sg-0a1b2c3d4e5f60001', ['sgr-0aaaaaaaaaaaaaaa1 tcp/22 from 0.0.0.0/0', 'sgr-0aaaaaaaaaaaaaaa2 tcp/22 from ::/0', 'sgr-0aaaaaaaaaaaaaaa3 tcp/3389 from pl-63a5400a', 'sgr-0aaaaaaaaaaaaaaa5 any to 0.0.0.0/0']],
      ['arn:aws:ec2:us-east-1:123456789012:security-group/sg-0a1b2c3d4e5f60002', ['sgr-0aaaaaaaaaaaaaaa4 tcp/5432 from sg-0a1b2c3d4e5f60001']],
    ]);
  });

  it('points each rule at the line naming its source', () => {
    const texts = rules.assets.flatMap((asset) => asset.rules.map((rule) => lineText(rules.lines, rule.location.line).trim()));
    expect(texts).toEqual(['"CidrIpv4": "0.0.0.0/0",', '"CidrIpv6": "::/0",', '"PrefixListId": "pl-63a5400a",', '"CidrIpv4": "0.0.0.0/0",', '"ReferencedGroupInfo": {']);
  });
});

describe('aws edge cases', () => {
  const group = (permission: object, extra: object = {}) => JSON.stringify({ SecurityGroups: [{ GroupId: 'sg-1', OwnerId: '111122223333', IpPermissions: [permission], ...extra }] }, null, 2);

  it('reads a missing port range as all ports, and a range as given', () => {
    const all = loadText(load, group({ IpProtocol: 'tcp', IpRanges: [{ CidrIp: '0.0.0.0/0' }] })).models[0] as NetworkAsset;
    expect(all.rules[0].ports).toEqual([ALL_PORTS]);
    const range = loadText(load, group({ IpProtocol: '17', FromPort: 20, ToPort: 30, IpRanges: [{ CidrIp: '0.0.0.0/0' }] })).models[0] as NetworkAsset;
    expect(range.rules[0]).toMatchObject({ protocol: 'udp', ports: [{ from: 20, to: 30 }] });
    // AWS: a protocol other than TCP, UDP, ICMP and ICMPv6 allows all ports, whatever the numbers say.
    const sctp = loadText(load, group({ IpProtocol: '132', FromPort: 20, ToPort: 30, IpRanges: [{ CidrIp: '0.0.0.0/0' }] })).models[0] as NetworkAsset;
    expect(sctp.rules[0]).toMatchObject({ protocol: 'sctp', ports: [ALL_PORTS] });
  });

  it('names a group by its id when no region is known', () => {
    const asset = loadText(load, group({ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.0.0.1' }] })).models[0] as NetworkAsset;
    expect(asset.asset).toEqual({ kind: 'aws-security-group', id: 'sg-1', name: 'sg-1', account: '111122223333' });
    expect(asset.rules[0].remote).toEqual([{ kind: 'cidr', cidr: '10.0.0.1/32', text: '10.0.0.1' }]);
  });

  it('reports a bad source entry at its line and keeps judging the rest', () => {
    const text = group({ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '300.1.2.3/8' }, { CidrIp: '0.0.0.0/0' }] });
    const result = loadText(load, text);
    expect((result.models[0] as NetworkAsset).rules).toHaveLength(1);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ level: 'error', line: text.split('\n').findIndex((line) => line.includes('300.1.2.3')) + 1 });
    expect(result.problems[0].message).toMatch(/IpRanges\[0\]: CidrIp '300\.1\.2\.3\/8' is not valid/);
  });

  it('reports bad ports and protocols instead of guessing', () => {
    const ports = loadText(load, group({ IpProtocol: 'tcp', FromPort: 90, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }));
    expect(ports.problems[0].message).toMatch(/FromPort 90 \/ ToPort 80 is not a port range/);
    const protocol = loadText(load, group({ IpProtocol: 'tcp; drop', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }));
    expect(protocol.problems[0].message).toMatch(/IpProtocol 'tcp; drop' is not an IP protocol/);
  });
});

describe('aws bad input', () => {
  const only = (text: string) => {
    const result = loadText(load, text);
    expect(result.models).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0].level).toBe('error');
    expect(result.problems[0].message).not.toMatch(/\n/);
    return result.problems[0];
  };

  it('says a JSON error document is an error response, with its code and message', () => {
    const problem = only('{"Error": {"Code": "UnauthorizedOperation", "Message": "You are not authorized to perform this operation."}}');
    expect(problem.message).toMatch(/AWS error response.*UnauthorizedOperation: You are not authorized/);
  });

  it('says an XML error response is one, with its code and message', () => {
    const problem = only('<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>AuthFailure</Code><Message>AWS was not able to validate the provided access credentials</Message></Error></Errors><RequestID>a1b2</RequestID></Response>');
    expect(problem.message).toMatch(/AWS error response.*AuthFailure: AWS was not able to validate/);
  });

  it('says a saved CLI error line is one', () => {
    const problem = only('\nAn error occurred (RequestExpired) when calling the DescribeSecurityGroups operation: Request has expired.\n');
    expect(problem.message).toMatch(/AWS CLI error.*RequestExpired: Request has expired/);
  });

  it('asks for JSON when given the Query API XML listing', () => {
    expect(only(loadCorpus(load, 'aws/describe-security-groups-page1.xml').lines.join('\n')).message).toMatch(/XML is not read.*--output json/);
  });

  it('gives the line where a truncated file ends', () => {
    const text = cli.lines.slice(0, 50).join('\n');
    const problem = only(text);
    expect(problem.line).toBe(50);
    expect(problem.message).toMatch(/ends early.*aws ec2 describe-security-groups --output json/);
  });

  it('gives the line of a syntax error', () => {
    const problem = only('{\n  "SecurityGroups": [\n    {"GroupId": "sg-1",,}\n  ]\n}');
    expect(problem).toMatchObject({ line: 3, id: 'input/unparseable' });
  });

  it('lists the accepted shapes for other JSON', () => {
    expect(only('{"Reservations": []}').message).toMatch(/not an AWS security group listing — expected \{"SecurityGroups": \[...\]\}.*describe-security-group-rules/);
  });

  it('does not call an empty listing clean', () => {
    expect(only('{"SecurityGroups": []}').message).toMatch(/no security groups — nothing was judged/);
  });
});
