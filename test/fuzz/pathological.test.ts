import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI } from '../support/run-cli.js';

/**
 * Inputs of pathological shape, generated here, through the real CLI: each is answered — judged, or refused in one
 * line naming the file — within a bound. The bounds are generous (the machine may be busy); the durations are printed.
 */
const BOUND_MS = 30_000;
const directory = mkdtempSync(join(tmpdir(), 'parapet-pathological-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

interface Answer {
  status: number;
  report: { problems: { id: string; level: string; file: string; message: string }[]; findings: { ruleId: string; message: string }[]; scannedFiles: string[] };
  milliseconds: number;
}

/** Runs `parapet scan --format json` and checks what every answer must be; `named` is the file the messages must name. */
function scanned(args: string[], named: string, label: string): Answer {
  const started = performance.now();
  const run = spawnSync(process.execPath, [CLI, 'scan', '--format', 'json', ...args], { encoding: 'utf8', timeout: BOUND_MS, maxBuffer: 1 << 30 });
  const milliseconds = performance.now() - started;
  console.info(`${label}: exit ${run.status} in ${(milliseconds / 1000).toFixed(2)} s`);
  expect(run.signal, `${label} was stopped after ${BOUND_MS} ms`).toBeNull();
  expect([0, 1, 2]).toContain(run.status);
  expect(run.stderr).not.toMatch(/\n\s+at |internal error|internal\/failed/);
  for (const line of run.stderr.split('\n').filter(Boolean)) {
    expect(line).toMatch(/^parapet: (error|warning): /);
    expect(line.length).toBeLessThan(1200);
    expect(line).toContain(named);
  }
  const report = JSON.parse(run.stdout) as Answer['report'];
  if (run.status === 2) expect(report.problems.some((problem) => problem.level === 'error' && problem.file.includes(named))).toBe(true);
  return { status: run.status!, report, milliseconds };
}

const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const deepObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

describe('JSON nested 100,000 deep', () => {
  const N = 100_000;
  const shapes: [string, string, string][] = [
    ['aws', 'inside a security group', `{"SecurityGroups": [{"GroupId": "sg-1", "IpPermissions": ${deep(N)}}]}`],
    ['aws', 'beside the listing', `{"SecurityGroups": [], "NextToken": ${deepObject(N)}}`],
    ['aws', 'never closed', `{"SecurityGroups": [{"GroupId": "sg-1", "IpPermissions": ${'['.repeat(N)}`],
    ['azure', 'inside a security rule', `{"value": [{"name": "nsg", "type": "Microsoft.Network/networkSecurityGroups", "properties": {"securityRules": [{"name": "r", "properties": {"access": ${deep(N)}}}]}}]}`],
    ['azure', 'as the rule list', `{"value": [{"type": "Microsoft.Network/networkSecurityGroups", "properties": {"securityRules": ${deep(N)}}}]}`],
    ['azure', 'beside the listing', `{"value": [{"name": "nsg", "type": "Microsoft.Network/networkSecurityGroups"}], "nextLink": ${deepObject(N)}}`],
    ['gcp', 'inside a firewall rule', `{"kind": "compute#firewallList", "items": [{"name": "x", "network": "n", "direction": ${deep(N)}, "allowed": [{"IPProtocol": "tcp"}]}]}`],
    ['gcp', 'beside the listing', `{"kind": "compute#firewallList", "items": [], "nextPageToken": ${deepObject(N)}}`],
    ['windows-firewall', 'inside a rule (PowerShell JSON)', `[{"DisplayName": "x", "Direction": 1, "Action": 2, "LocalPort": ${deep(N)}}]`],
    ['windows-firewall', 'as the document (PowerShell JSON)', `{"DisplayName": "x", "Direction": 1, "Profile": ${deepObject(N)}}`],
  ];
  it.each(shapes)('%s, %s: detected, answered in one line', (type, _, text) => {
    const path = join(directory, `${type}-deep.json`);
    writeFileSync(path, text);
    const answer = scanned([path], path, `${type} nested 100,000 deep, ${_}`);
    // Detected as the type meant: its own problems, not "not recognised".
    expect(answer.report.problems.map((problem) => problem.id)).not.toContain('input/unrecognised');
    expect(answer.report.scannedFiles.length + answer.report.problems.length).toBeGreaterThan(0);
    rmSync(path);
  });
});

describe('a ufw listing of 1,000,000 lines', () => {
  const header = 'Status: active\nLogging: on (low)\nDefault: deny (incoming), allow (outgoing), disabled (routed)\nNew profiles: skip\n\nTo                         Action      From\n--                         ------      ----\n';

  it('as ufw prints it (65 MB) is refused for its size, in one line', () => {
    const path = join(directory, 'ufw-status-1m.txt');
    const rows: string[] = [];
    for (let index = 0; index < 1_000_000; index++) rows.push(`${`${(index % 65535) + 1}/tcp`.padEnd(26)} ${'ALLOW IN'.padEnd(12)}${`10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`.padEnd(26)}`);
    writeFileSync(path, header + rows.join('\n') + '\n');
    const answer = scanned(['--type', 'ufw', path], path, 'ufw listing of 1,000,000 rows as ufw prints them');
    expect(answer.status).toBe(2);
    expect(answer.report.problems.map((problem) => problem.id)).toEqual(['input/too-large']);
    rmSync(path);
  });

  it('in rows short enough to fit (15 MB) is judged whole', () => {
    const path = join(directory, 'ufw-status-1m-short.txt');
    const rows: string[] = [];
    for (let index = 0; index < 1_000_000; index++) rows.push(`${(index % 9) + 1} DENY 1.2.${Math.floor(index / 10) % 10}.${index % 10}`);
    writeFileSync(path, header + rows.join('\n') + '\n');
    const answer = scanned(['--type', 'ufw', path], path, 'ufw listing of 1,000,000 short rows');
    expect(answer.status).not.toBe(2);
    expect(answer.report.scannedFiles).toEqual([path]);
    rmSync(path);
  });
});

describe('a netsh export of 100,000 rules', () => {
  it('is judged whole', () => {
    const path = join(directory, 'netsh-100k.txt');
    const profiles = ['Domain', 'Private', 'Public'].map((name) => `${name} Profile Settings: \r\n${'-'.repeat(70)}\r\nState                                 ON\r\nFirewall Policy                       BlockInbound,AllowOutbound\r\n\r\n`).join('');
    const rules: string[] = [profiles];
    for (let index = 0; index < 100_000; index++) {
      rules.push(
        `Rule Name:                            Rule ${index}\r\n${'-'.repeat(70)}\r\nEnabled:                              Yes\r\nDirection:                            ${index % 2 ? 'In' : 'Out'}\r\n` +
        `Profiles:                             Domain,Private,Public\r\nGrouping:                             \r\nLocalIP:                              Any\r\n` +
        `RemoteIP:                             10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}/32\r\nProtocol:                             TCP\r\n` +
        `LocalPort:                            ${(index % 65535) + 1}\r\nRemotePort:                           Any\r\nEdge traversal:                       No\r\nAction:                               ${index % 3 ? 'Allow' : 'Block'}\r\n\r\n`,
      );
    }
    writeFileSync(path, rules.join('') + 'Ok.\r\n\r\n');
    const answer = scanned([path], path, 'netsh export of 100,000 rules');
    expect(answer.status).not.toBe(2);
    expect(answer.report.scannedFiles).toEqual([path]);
    rmSync(path);
  });
});

describe('sshd_config', () => {
  it('with 20,000 Match blocks is judged block by block', () => {
    const path = join(directory, 'sshd_config');
    const lines = ['PasswordAuthentication no'];
    for (let index = 0; index < 20_000; index++) lines.push(`Match User user${index}`, '  PasswordAuthentication yes');
    writeFileSync(path, lines.join('\n') + '\n');
    const answer = scanned([path], path, 'sshd_config with 20,000 Match blocks');
    expect(answer.status).toBe(1);
    // Every block is judged: each one's password login is a finding of its own.
    expect(answer.report.findings.filter((finding) => finding.ruleId === 'sshd/password-authentication')).toHaveLength(20_000);
    rmSync(path);
  });

  it('with 500,000 AllowUsers lines is judged', () => {
    const path = join(directory, 'sshd_config');
    writeFileSync(path, Array.from({ length: 500_000 }, (_, index) => `AllowUsers user${index}`).join('\n') + '\n');
    const answer = scanned([path], path, 'sshd_config with 500,000 AllowUsers lines');
    expect(answer.status).toBe(1);
    expect(answer.report.findings.map((finding) => finding.ruleId)).not.toContain('sshd/allow-users');
    rmSync(path);
  });

  it('with 300 Subsystem lines is refused from line 257 on, as sshd refuses it', () => {
    const path = join(directory, 'sshd_config');
    writeFileSync(path, Array.from({ length: 300 }, (_, index) => `Subsystem tool${index} /usr/bin/true`).join('\n') + '\n');
    const answer = scanned([path], path, 'sshd_config with 300 Subsystem lines');
    const refused = answer.report.findings.filter((finding) => finding.ruleId === 'sshd/invalid-config');
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((finding) => finding.message.includes('too many subsystems defined'))).toBe(true);
    const effective = spawnSync(process.execPath, [CLI, 'sshd', 'effective', path], { encoding: 'utf8', timeout: BOUND_MS });
    expect(effective.status).toBe(2);
    expect(effective.stderr.split('\n')[0].startsWith(`${path}:257: too many subsystems defined.`)).toBe(true);
    // The real sshd, which the evaluator mirrors, stops at the same line.
    const hostKey = join(directory, 'host-key');
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', hostKey]);
    const real = spawnSync('/usr/sbin/sshd', ['-T', '-f', path, '-h', hostKey], { encoding: 'utf8' });
    expect(real.status).not.toBe(0);
    expect(real.stderr).toContain(`${path} line 257: too many subsystems defined.`);
    rmSync(path);
  });

  it('with an Include chain 1,000 deep stops where sshd does, at depth 16', () => {
    const root = join(directory, 'host');
    mkdirSync(join(root, 'etc/ssh/chain'), { recursive: true });
    writeFileSync(join(root, 'etc/ssh/sshd_config'), 'PasswordAuthentication no\nInclude /etc/ssh/chain/0.conf\n');
    for (let depth = 0; depth < 1000; depth++) writeFileSync(join(root, `etc/ssh/chain/${depth}.conf`), `MaxAuthTries 3\nInclude /etc/ssh/chain/${depth + 1}.conf\n`);
    writeFileSync(join(root, 'etc/ssh/chain/1000.conf'), 'PermitRootLogin yes\n');
    const main = join(root, 'etc/ssh/sshd_config');
    const answer = scanned(['--root', root, main], main, 'sshd_config with an Include chain 1,000 deep');
    expect(answer.status).toBe(1);
    const refused = answer.report.findings.filter((finding) => finding.ruleId === 'sshd/invalid-config');
    expect(refused).toHaveLength(1);
    expect(refused[0].message).toContain('Too many recursive configuration includes');
    // sshd never reads the end of the chain.
    expect(answer.report.findings.some((finding) => finding.message.includes('PermitRootLogin is yes'))).toBe(false);
    rmSync(root, { recursive: true });
  });
});

describe('A Bicep file of 100,000 quotes', () => {
  it('is refused in one line when its parse runs out of time, however far the lexer scans in one step', () => {
    const path = join(directory, 'quotes.bicep');
    writeFileSync(path, `param x string = 'a'\n${'"'.repeat(100_000)}\n`);
    const answer = scanned(['--type', 'bicep', path], path, 'a Bicep file of 100,000 quotes');
    expect(answer.status).toBe(2);
    expect(answer.report.problems.map((problem) => problem.message)).toEqual([expect.stringContaining('the file takes too long to parse')]);
    rmSync(path);
  });
});

describe('files of 100,000 blank lines (CRLF)', () => {
  // Patterns read line by line must not let the whitespace at a line's start run on through the lines below.
  const blank = '\r\n'.repeat(100_000);
  it.each([
    ['bicep', 'main.bicep', `param x string\r\n${blank}module m './nsg.bicep' = {\r\n}\r\n`],
    ['bicep', 'prod.bicepparam', `using './main.bicep'\r\n${blank}param x = 'a'\r\n`],
    ['terraform', 'main.tf', `${blank}module "a" {\r\n  source = "./a"\r\n}\r\n`],
    ['terragrunt', 'terragrunt.hcl', `${blank}terraform {\r\n  source = "../modules//sg"\r\n}\r\n`],
  ])('%s, %s: answered in one line', (type, name, text) => {
    const root = mkdtempSync(join(directory, 'blank-'));
    const path = join(root, name);
    writeFileSync(path, text);
    scanned(['--type', type, path], name, `${name} of 100,000 blank lines`);
    rmSync(root, { recursive: true });
  });
});

describe('Terraform text that ends in a long run of what is trimmed', () => {
  // A pattern anchored at the text's end (/\s+$/) retries from each character of the run: quadratic.
  it.each([
    ['chomp of 200,000 line ends before a letter', `resource "aws_security_group" "x" {\n  name = chomp(<<EOT\n${'\n'.repeat(200_000)}x\nEOT\n  )\n}\n`],
    ['a strip marker after 200,000 spaces and a letter', `resource "aws_security_group" "x" {\n  name = "${' '.repeat(200_000)}y\${~ "z"}"\n}\n`],
  ])('%s: answered in one line', (label, text) => {
    const root = mkdtempSync(join(directory, 'trim-'));
    const path = join(root, 'main.tf');
    writeFileSync(path, text);
    const answer = scanned(['--type', 'terraform', path], 'main.tf', label);
    expect(answer.report.scannedFiles).toHaveLength(1);
    rmSync(root, { recursive: true });
  });
});

describe('values whose patterns could backtrack', () => {
  // Each was quadratic in a run of one character: a pattern with two ways to take the same run.
  it.each([
    ['terraform', 'main.tf', 'a format() verb after 200,000 zeros', `resource "aws_security_group" "x" {\n  name = format("%${'0'.repeat(200_000)}%", 1)\n}\n`],
    ['terraform', 'main.tf', 'a number of 400,000 digits before a letter', `resource "aws_security_group" "x" {\n  name = tostring(tonumber("${'0'.repeat(400_000)}x"))\n}\n`],
    ['bicep', 'main.bicep', 'a parameter type of 200,000 tabs', `param m p${'\t'.repeat(200_000)}p\n`],
  ])('%s, %s: %s, answered in one line', (type, name, label, text) => {
    const root = mkdtempSync(join(directory, 'backtrack-'));
    const path = join(root, name);
    writeFileSync(path, text);
    scanned(['--type', type, path], name, label);
    rmSync(root, { recursive: true });
  });
});
