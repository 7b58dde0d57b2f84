import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

/** .parapet.yml, `parapet-ignore` comments and `parapet init`, as a user meets them: the bundled CLI on real files. */

const scratch = mkdtempSync(join(tmpdir(), 'parapet-policy-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface JsonFinding {
  ruleId: string;
  severity: string;
  location: { file: string; line: number };
  asset: { id: string };
  suppression?: { kind: string; justification: string; location: { file: string; line: number } };
}
interface JsonReport {
  findings: JsonFinding[];
  problems: { id: string; level: string; file: string; line?: number; message: string }[];
}

/** A repository (a directory with .git, where the upward search stops) holding these files. */
function repository(name: string, files: Record<string, string>): string {
  const root = join(scratch, name);
  mkdirSync(join(root, '.git'), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function scanJson(args: string[], cwd?: string): { status: number | null; report: JsonReport; stderr: string } {
  const run = runCli(['scan', ...args, '--format', 'json'], { cwd });
  return { status: run.status, report: JSON.parse(run.stdout || '{"findings":[],"problems":[]}') as JsonReport, stderr: run.stderr };
}

const byRule = (report: JsonReport, ruleId: string) => report.findings.filter((finding) => finding.ruleId === ruleId);

const SSHD = [
  'Port 22',
  '# parapet-ignore sshd/password-authentication: legacy appliance, replaced in Q3 (CHG-7)',
  'PasswordAuthentication yes',
  'PermitRootLogin yes',
  'LogLevel VERBOSE',
  '',
].join('\n');

// Everything else an otherwise default sshd_config reports is turned off, so that the exit status is about these two.
const QUIET = `rules:
  sshd/allow-users: off
  sshd/max-auth-tries: off
  sshd/weak-algorithms: off
  sshd/agent-forwarding: off
  sshd/client-alive: off
  sshd/login-grace-time: off
  sshd/max-startups: off
  sshd/mfa: off
  sshd/tcp-forwarding: off
`;

describe('parapet-ignore comments', () => {
  it('suppress the finding on the next line, kept in the report with the reason, and it no longer fails the run', () => {
    const root = repository('inline', { '.parapet.yml': `${QUIET}  sshd/permit-root-login: off\n`, 'etc/ssh/sshd_config': SSHD });
    const { status, report } = scanJson([join(root, 'etc/ssh/sshd_config')]);
    expect(status).toBe(0);
    const [password] = byRule(report, 'sshd/password-authentication');
    expect(password.suppression).toEqual({ kind: 'inSource', justification: 'legacy appliance, replaced in Q3 (CHG-7)', location: { file: join(root, 'etc/ssh/sshd_config'), line: 2 } });
    expect(report.problems).toEqual([]);

    const sarif = JSON.parse(runCli(['scan', join(root, 'etc/ssh/sshd_config'), '--format', 'sarif'], { cwd: root }).stdout) as { runs: { results: { ruleId: string; suppressions?: unknown[] }[] }[] };
    const result = sarif.runs[0].results.find((candidate) => candidate.ruleId === 'sshd/password-authentication');
    expect(result?.suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: 'legacy appliance, replaced in Q3 (CHG-7)', location: { physicalLocation: { artifactLocation: { uri: 'etc/ssh/sshd_config', uriBaseId: 'SRCROOT' }, region: { startLine: 2 } } } }]);
  });

  it('--no-inline-ignores shows an auditor everything: the finding counts again', () => {
    const root = repository('auditor', { '.parapet.yml': `${QUIET}  sshd/permit-root-login: off\n`, sshd_config: SSHD });
    const { status, report } = scanJson([join(root, 'sshd_config'), '--no-inline-ignores']);
    expect(status).toBe(1);
    expect(byRule(report, 'sshd/password-authentication')[0].suppression).toBeUndefined();
  });

  it('are refused without a reason or with an unknown rule, and reported stale when they match nothing', () => {
    const root = repository('refused', {
      sshd_config: [
        '# parapet-ignore sshd/password-authentication',
        'PasswordAuthentication yes',
        '# parapet-ignore sshd/permit-root-logon: typo',
        'PermitRootLogin yes',
        '# parapet-ignore sshd/log-level: it was fixed since',
        'LogLevel VERBOSE',
        '# parapet-ignore',
        '',
      ].join('\n'),
    });
    const { status, report } = scanJson([join(root, 'sshd_config')]);
    expect(status).toBe(1);
    expect(byRule(report, 'sshd/password-authentication')[0].suppression).toBeUndefined();
    expect(byRule(report, 'sshd/permit-root-login')[0].suppression).toBeUndefined();
    expect(report.problems.map((problem) => [problem.id, problem.level, problem.line])).toEqual([
      ['policy/invalid-ignore', 'warning', 1],
      ['policy/invalid-ignore', 'warning', 3],
      ['policy/invalid-ignore', 'warning', 7],
      ['policy/stale-ignore', 'warning', 5],
    ]);
    expect(report.problems[0].message).toContain('has no reason');
    expect(report.problems[1].message).toContain("unknown rule 'sshd/permit-root-logon'");
  });

  it('work in Terraform (# and //), CloudFormation YAML and ufw rules files, on the line above the finding', () => {
    const terraform = readFileSync(new URL('../../fixtures/net/ssh-open-to-world/bad.terraform-aws.tf', import.meta.url), 'utf8')
      .replace('  # ruleid: net/ssh-open-to-world\n  ingress {', '  // parapet-ignore net/ssh-open-to-world: the bastion, keys only (SEC-142)\n  ingress {');
    const root = repository('iac', { 'main.tf': terraform });
    const { report } = scanJson([root]);
    const ssh = byRule(report, 'net/ssh-open-to-world');
    expect(ssh.length).toBeGreaterThan(0);
    expect(ssh.filter((finding) => finding.suppression).map((finding) => finding.suppression!.justification)).toEqual(['the bastion, keys only (SEC-142)']);

    const fixture = (name: string) => readFileSync(new URL(`../../fixtures/net/ssh-open-to-world/${name}`, import.meta.url), 'utf8');
    const yaml = fixture('bad.cloudformation.yaml').replace('        # ruleid: net/ssh-open-to-world\n', '        # parapet-ignore net/ssh-open-to-world: jump host (SEC-9)\n');
    const rules = fixture('bad.ufw-user.rules').replace('# ruleid: net/ssh-open-to-world\n', '# parapet-ignore net/ssh-open-to-world: rate-limited, keys only\n');
    const more = repository('iac-more', { 'stack.yaml': yaml, 'user.rules': rules });
    const reasons = byRule(scanJson([more]).report, 'net/ssh-open-to-world').map((finding) => finding.suppression?.justification);
    expect(reasons.filter(Boolean).sort()).toEqual(['jump host (SEC-9)', 'rate-limited, keys only']);
    expect(reasons.filter((reason) => !reason).length).toBeGreaterThan(0);
  });

  it('a value that merely holds the words, in a JSON export, suppresses nothing', () => {
    const root = repository('json', {
      'groups.json': JSON.stringify({ SecurityGroups: [{ GroupId: 'sg-1', OwnerId: '123456789012', SecurityGroupArn: 'arn:aws:ec2:eu-west-1:123456789012:security-group/sg-1', GroupName: '# parapet-ignore net/ssh-open-to-world: no', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }] }, null, 2),
    });
    const { report } = scanJson([root]);
    expect(byRule(report, 'net/ssh-open-to-world').map((finding) => finding.suppression)).toEqual([undefined]);
  });
});

describe('.parapet.yml', () => {
  it('is found upward from the scanned path, up to the repository root: rules off, severities, overrides by path', () => {
    const root = repository('found', {
      '.parapet.yml': `${QUIET}  sshd/permit-root-login: critical\noverrides:\n  - paths: ['legacy/**']\n    rules:\n      sshd/permit-root-login: off\n`,
      'hosts/a/sshd_config': 'PermitRootLogin yes\nPasswordAuthentication no\nLogLevel VERBOSE\n',
      'legacy/b/sshd_config': 'PermitRootLogin yes\nPasswordAuthentication no\nLogLevel VERBOSE\n',
    });
    const { report } = scanJson([join(root, 'hosts'), join(root, 'legacy')]);
    expect(report.findings.map((finding) => [finding.ruleId, finding.severity, finding.location.file])).toEqual([['sshd/permit-root-login', 'critical', join(root, 'hosts/a/sshd_config')]]);
    const sarif = JSON.parse(runCli(['scan', join(root, 'hosts'), '--format', 'sarif']).stdout) as { runs: { tool: { driver: { rules: { id: string; defaultConfiguration: { level: string } }[] } } }[] };
    const rules = sarif.runs[0].tool.driver.rules;
    expect(rules.find((rule) => rule.id === 'sshd/mfa')).toBeUndefined();
    expect(rules.find((rule) => rule.id === 'sshd/permit-root-login')?.defaultConfiguration.level).toBe('error');
  });

  it('ignore entries suppress by rule and resource with a reason, expire after their date, and are stale when they match nothing', () => {
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const nextYear = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);
    const group = (id: string) => ({ GroupId: id, OwnerId: '123456789012', SecurityGroupArn: `arn:aws:ec2:eu-west-1:123456789012:security-group/${id}`, GroupName: id, IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] });
    const root = repository('ignores', {
      '.parapet.yml': [
        'ignore:',
        '  - rule: net/ssh-open-to-world',
        "    resource: 'arn:aws:ec2:*:*:security-group/sg-bastion'",
        '    reason: the bastion (SEC-142)',
        `    until: ${nextYear}`,
        '  - rule: net/ssh-open-to-world',
        '    resource: arn:aws:ec2:eu-west-1:123456789012:security-group/sg-old',
        '    reason: migration window',
        `    until: ${yesterday}`,
        '  - rule: net/rdp-open-to-world',
        '    path: cloud/*.json',
        '    reason: nothing opens RDP any more',
        '',
      ].join('\n'),
      'cloud/groups.json': JSON.stringify({ SecurityGroups: [group('sg-bastion'), group('sg-old')] }, null, 2),
    });
    const { status, report } = scanJson([join(root, 'cloud'), '--fail-on', 'critical']);
    const ssh = byRule(report, 'net/ssh-open-to-world');
    expect(ssh.map((finding) => [finding.asset.id.split('/')[1], finding.suppression?.kind])).toEqual([['sg-bastion', 'external'], ['sg-old', undefined]]);
    expect(ssh[0].suppression).toEqual({ kind: 'external', justification: 'the bastion (SEC-142)', location: { file: join(root, '.parapet.yml'), line: 2 } });
    expect(status).toBe(1);
    expect(report.problems.map((problem) => [problem.id, problem.line])).toEqual([['policy/expired-ignore', 6], ['policy/stale-ignore', 10]]);
    expect(report.problems[0].message).toContain(`expired on ${yesterday}`);
  });

  it('an invalid file stops the scan with every problem and exit 2; --config names another; a link is refused', () => {
    const root = repository('invalid', { '.parapet.yml': 'rules:\n  sshd/nope: off\nnetworks:\n  trusted: [everyone]\n', sshd_config: 'PermitRootLogin yes\n' });
    const run = runCli(['scan', join(root, 'sshd_config')]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${join(root, '.parapet.yml')}:2: rules: unknown rule 'sshd/nope'`);
    expect(run.stderr).toContain(`${join(root, '.parapet.yml')}:4: networks.trusted: 'everyone' is not a CIDR or an address`);

    writeFileSync(join(root, 'strict.yml'), 'rules:\n  sshd/permit-root-login: low\n');
    const named = scanJson([join(root, 'sshd_config'), '--config', join(root, 'strict.yml')]);
    expect(byRule(named.report, 'sshd/permit-root-login')[0].severity).toBe('low');

    const linked = repository('linked', { sshd_config: 'PermitRootLogin yes\n' });
    symlinkSync(join(root, 'strict.yml'), join(linked, '.parapet.yml'));
    const refused = runCli(['scan', join(linked, 'sshd_config')]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('is a link');
  });

  it('networks.appPorts sets the application ports, and --app-ports still wins', () => {
    const ufw = 'Status: active\n\nTo                         Action      From\n--                         ------      ----\n9443/tcp                   ALLOW IN    Anywhere\n';
    const root = repository('ports', { '.parapet.yml': 'networks:\n  appPorts: [9443]\n', 'ufw.txt': ufw });
    expect(byRule(scanJson([join(root, 'ufw.txt')]).report, 'net/app-port-public')).toHaveLength(1);
    expect(byRule(scanJson([join(root, 'ufw.txt'), '--app-ports', '8081']).report, 'net/app-port-public')).toHaveLength(0);
  });
});

describe('parapet init', () => {
  it('writes a starter file the scan accepts, and never overwrites one', () => {
    const root = repository('init', { sshd_config: 'PermitRootLogin yes\n' });
    const first = runCli(['init', root]);
    expect(first.status, first.stderr).toBe(0);
    expect(readFileSync(join(root, '.parapet.yml'), 'utf8')).toContain('networks:');
    expect(scanJson([join(root, 'sshd_config')]).status).toBe(1);
    const again = runCli(['init', root]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('exists already');
  });
});
