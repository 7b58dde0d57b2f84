import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { flatFindings } from '../support/text-report.js';
import { AWS_KEY_ID, AWS_SECRET, ENV, ESC, GITHUB_TOKEN, LONG_LINE, LONG_RUN, LONG_VALUE, LRI, PASSWD, PRIVATE_KEY, RAW_CONTROL, RLO, SECRETS, TERMINAL } from './planted.js';

/** Files of no input type, scanned by mistake (`--type`) or pulled in by an Include. */
const NOT_INPUTS: Record<string, string> = {
  passwd: PASSWD,
  'secrets.env': ENV,
  id_ed25519: PRIVATE_KEY,
  'long.txt': `${LONG_LINE}\nPermitRootLogin ${LONG_VALUE}\nCiphers ${'aes128-ctr,'.repeat(900)}`,
  'terminal.txt': TERMINAL,
};

const SSHD_CONFIG = [
  '# pulls in files that are no sshd_config',
  'Include /etc/ssh/secrets.env',
  'Include /etc/ssh/sshd_config.d/*.conf',
  'PermitRootLogin no',
  `PasswordAuthentication ${ESC}maybe\x1b[0m`,
  `PermitRootLogin ${LONG_VALUE}`,
  `Ciphers aes128-ctr,${GITHUB_TOKEN}`,
  `AllowUsers * ${GITHUB_TOKEN}`,
  `PermitUserEnvironment ${AWS_SECRET}`,
  `Match User ${GITHUB_TOKEN},alice${RLO}${LRI}`,
  '  PasswordAuthentication yes',
  `Match Address 10.0.0.0/33,${AWS_KEY_ID}`,
  '  X11Forwarding yes',
].join('\n');

const UFW_STATUS = [
  'Status: active',
  `Default: deny (incoming), allow (outgoing), ${GITHUB_TOKEN} (routed)`,
  '',
  'To                         Action      From',
  '--                         ------      ----',
  '22/tcp                     ALLOW IN    Anywhere',
  PASSWD,
  `AWS_SECRET_ACCESS_KEY=${AWS_SECRET}  ALLOW IN    Anywhere`,
  `3306/tcp on eth0${RLO}        ALLOW IN    Anywhere`,
  `3389/tcp                   ALLOW IN    ${GITHUB_TOKEN}`,
  `${GITHUB_TOKEN}              ALLOW IN    Anywhere`,
  LONG_LINE,
  `${LONG_VALUE}  ALLOW IN  Anywhere`,
].join('\n');

const USER_RULES = [
  '*filter',
  '### RULES ###',
  '### tuple ### allow tcp 22 0.0.0.0/0 any 0.0.0.0/0 in',
  `### tuple ### allow tcp 22 0.0.0.0/0 any ${GITHUB_TOKEN} in`,
  `### tuple ### ${AWS_SECRET} tcp 22 0.0.0.0/0 any 0.0.0.0/0 in`,
  `### tuple ### allow tcp 3389 0.0.0.0/0 any 0.0.0.0/0 in_eth0${RLO}`,
  `### tuple ### allow ${LONG_VALUE} 22 0.0.0.0/0 any 0.0.0.0/0 in`,
  '### END RULES ###',
].join('\n');

function netshRule(fields: Record<string, string>): string {
  const lines = [`Rule Name:                            ${fields.name}`, '-'.repeat(70)];
  for (const [label, value] of Object.entries({ Enabled: 'Yes', Direction: 'In', Profiles: 'Domain,Private,Public', LocalIP: 'Any', RemoteIP: 'Any', Protocol: 'TCP', LocalPort: '3389', RemotePort: 'Any', Action: 'Allow', ...fields })) {
    if (label !== 'name') lines.push(`${`${label}:`.padEnd(38)}${value}`);
  }
  return lines.join('\r\n');
}

const NETSH = [
  netshRule({ name: GITHUB_TOKEN }),
  netshRule({ name: `Allow${RLO} RDP ${ESC}`, LocalPort: '22', Program: `C:\\evil${RLO}exe.txt ${AWS_SECRET}` }),
  netshRule({ name: 'bad values', LocalPort: `${AWS_KEY_ID},22`, RemoteIP: `${GITHUB_TOKEN},Any`, Direction: 'In' }),
  netshRule({ name: 'bad direction', Direction: `${LONG_VALUE}` }),
  netshRule({ name: `${LONG_VALUE}`, Protocol: `password=hunter2-hunter2` }),
  `No rules match the specified criteria. ${GITHUB_TOKEN}`,
].join('\r\n\r\n');

const AWS = {
  SecurityGroups: [
    {
      GroupId: 'sg-0123456789abcdef0',
      GroupName: GITHUB_TOKEN,
      OwnerId: '123456789012',
      Description: `AWS_SECRET_ACCESS_KEY=${AWS_SECRET}`,
      IpPermissions: [
        { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'password=hunter2-hunter2' }] },
        { IpProtocol: AWS_KEY_ID, IpRanges: [{ CidrIp: '0.0.0.0/0' }] },
        { IpProtocol: 'tcp', FromPort: 3389, ToPort: 3389, IpRanges: [{ CidrIp: GITHUB_TOKEN }], PrefixListIds: [{ PrefixListId: `pl-${RLO}${ESC}evil` }] },
        { IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, IpRanges: [{ CidrIp: LONG_VALUE }, { CidrIp: { secret: AWS_SECRET } }] },
      ],
      IpPermissionsEgress: [],
    },
    { GroupId: `sg-${RLO}0123`, GroupName: `LONGNAME`.repeat(1250), IpPermissions: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }], IpPermissionsEgress: [] },
  ],
};

const AWS_ERROR = { Error: { Code: `AuthFailure${ESC}`, Message: `token=${GITHUB_TOKEN} ${AWS_SECRET} ${LONG_VALUE}` } };

const AZURE = [
  {
    name: `nsg-${GITHUB_TOKEN}`,
    id: `/subscriptions/5f1c0e4a-7d2b-4c39-9a61-0b8e3d2f6a17/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/web${RLO}`,
    location: 'westeurope',
    securityRules: [
      { name: GITHUB_TOKEN, protocol: 'Tcp', sourcePortRange: '*', destinationPortRange: '22', sourceAddressPrefix: 'Internet', destinationAddressPrefix: '*', access: 'Allow', priority: 100, direction: 'Inbound' },
      { name: `rdp${ESC}`, protocol: AWS_KEY_ID, sourcePortRange: '*', destinationPortRange: '3389', sourceAddressPrefix: '*', destinationAddressPrefix: '*', access: 'Allow', priority: 110, direction: 'Inbound' },
      { name: 'bad source', protocol: 'Tcp', sourcePortRange: '*', destinationPortRange: '443', sourceAddressPrefix: `password=hunter2-hunter2`, destinationAddressPrefix: '*', access: 'Allow', priority: 120, direction: 'Inbound' },
      { name: LONG_VALUE, protocol: 'Tcp', sourcePortRange: '*', destinationPortRange: LONG_VALUE, sourceAddressPrefix: '*', destinationAddressPrefix: '*', access: 'Allow', priority: 130, direction: 'Inbound' },
      { name: 'tag', protocol: 'Tcp', sourcePortRange: '*', destinationPortRange: '8081', sourceAddressPrefix: `Storage${RLO}`, destinationAddressPrefix: '*', access: 'Allow', priority: 140, direction: 'Inbound' },
      [GITHUB_TOKEN],
    ],
  },
];

const AZURE_ERROR = { error: { code: 'AuthorizationFailed', message: `The client with secret ${AWS_SECRET} has no authorization; Bearer ${GITHUB_TOKEN}` } };

const GCP = [
  { name: GITHUB_TOKEN, network: `https://www.googleapis.com/compute/v1/projects/p/global/networks/vpc${RLO}`, direction: 'INGRESS', priority: 1000, sourceRanges: ['0.0.0.0/0'], targetTags: [`web${RLO}${ESC}`, AWS_KEY_ID], allowed: [{ IPProtocol: 'tcp', ports: ['22'] }, { IPProtocol: 'icmp', ports: [GITHUB_TOKEN] }] },
  { name: 'bad ranges', network: 'default', sourceRanges: [AWS_SECRET], allowed: [{ IPProtocol: 'tcp', ports: ['80'] }] },
  { name: 'bad protocol', network: 'default', sourceRanges: ['0.0.0.0/0'], allowed: [{ IPProtocol: `token=${GITHUB_TOKEN}` }] },
  { name: LONG_VALUE, network: 'default', sourceRanges: ['0.0.0.0/0'], allowed: [{ IPProtocol: 'tcp', ports: [LONG_VALUE] }] },
];

const GCP_ERROR = { error: { code: 403, message: `Required 'compute.firewalls.list' permission; key=${AWS_SECRET}`, errors: [] } };

const TERRAFORM = [
  `variable "${GITHUB_TOKEN}" {`,
  '  type = list(string)',
  '}',
  '',
  `resource "aws_security_group" "${AWS_KEY_ID}" {`,
  `  name        = "${GITHUB_TOKEN}"`,
  `  description = "AWS_SECRET_ACCESS_KEY=${AWS_SECRET}"`,
  '  ingress {',
  '    from_port   = 22',
  '    to_port     = 22',
  '    protocol    = "tcp"',
  `    cidr_blocks = var.${GITHUB_TOKEN}`,
  '  }',
  '  ingress {',
  '    from_port   = 80',
  '    to_port     = 80',
  '    protocol    = "tcp"',
  `    cidr_blocks = ["${AWS_SECRET}", "${LONG_VALUE}"]`,
  '  }',
  '  ingress {',
  '    from_port   = 443',
  '    to_port     = 443',
  `    protocol    = "${LONG_VALUE}"`,
  '    cidr_blocks = ["0.0.0.0/0"]',
  '  }',
  '}',
  '',
  `resource "aws_security_group" "${LONG_VALUE}" {`,
  `  name = "\u001b[31mweb${RLO}"`,
  '  ingress {',
  '    from_port   = 3389',
  '    to_port     = 3389',
  '    protocol    = "tcp"',
  `    cidr_blocks = [${AWS_KEY_ID}(1)]`,
  '  }',
  '}',
].join('\n');

const CLOUDFORMATION = [
  'AWSTemplateFormatVersion: "2010-09-09"',
  'Resources:',
  `  ${AWS_KEY_ID}:`,
  '    Type: AWS::EC2::SecurityGroup',
  '    Properties:',
  `      GroupDescription: "${AWS_SECRET}"`,
  '      SecurityGroupIngress:',
  '        - IpProtocol: tcp',
  '          FromPort: 22',
  '          ToPort: 22',
  `          CidrIp: !ImportValue ${GITHUB_TOKEN}`,
  `        - IpProtocol: "${AWS_SECRET}"`,
  '          CidrIp: 0.0.0.0/0',
  // YAML allows keys of up to 1,024 characters.
  `  ${LONG_VALUE.slice(0, 900)}:`,
  '    Type: AWS::EC2::SecurityGroupIngress',
  '    Properties:',
  `      GroupId: !Ref ${AWS_KEY_ID}`,
  '      IpProtocol: tcp',
  '      FromPort: 3389',
  '      ToPort: 3389',
  `      CidrIp: "${LONG_VALUE}"`,
].join('\n');

const ARM = {
  $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
  contentVersion: '1.0.0.0',
  parameters: { [GITHUB_TOKEN]: { type: 'string' }, source: { type: 'string', defaultValue: AWS_SECRET } },
  resources: [
    {
      type: 'Microsoft.Network/networkSecurityGroups',
      apiVersion: '2023-09-01',
      name: `[concat('nsg-', parameters('${GITHUB_TOKEN}'))]`,
      location: 'westeurope',
      properties: {
        securityRules: [
          { name: AWS_KEY_ID, properties: { priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sourcePortRange: '*', destinationPortRange: '22', sourceAddressPrefix: `[parameters('${GITHUB_TOKEN}')]`, destinationAddressPrefix: '*' } },
          { name: 'bad source', properties: { priority: 110, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sourcePortRange: '*', destinationPortRange: '443', sourceAddressPrefix: "[parameters('source')]", destinationAddressPrefix: '*' } },
          { name: LONG_VALUE, properties: { priority: 120, direction: 'Inbound', access: 'Allow', protocol: `[${LONG_VALUE}()]`, sourcePortRange: '*', destinationPortRange: '3389', sourceAddressPrefix: '*', destinationAddressPrefix: '*' } },
        ],
      },
    },
  ],
};

const PLAN = {
  format_version: '1.2',
  terraform_version: '1.9.5',
  resource_changes: [
    {
      address: `aws_security_group.${GITHUB_TOKEN}`,
      mode: 'managed',
      type: 'aws_security_group',
      name: GITHUB_TOKEN,
      change: {
        actions: ['create'],
        after: { name: AWS_SECRET, ingress: [{ from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0', AWS_SECRET, LONG_VALUE] }], egress: [] },
        after_unknown: {},
      },
    },
  ],
};

interface Outputs {
  text: string;
  json: string;
  sarif: string;
  stderr: string;
}

let root: string;
const at = (path: string) => join(root, path);

function write(path: string, text: string): void {
  mkdirSync(dirname(at(path)), { recursive: true });
  writeFileSync(at(path), text);
}

/** The scan in every format; stderr of all three runs together. */
function scanned(args: string[]): Outputs {
  const runs = (['text', 'json', 'sarif'] as const).map((format) => runCli(['scan', ...args, '--format', format], { cwd: root }));
  for (const run of runs) expect([0, 1, 2], run.stderr).toContain(run.status);
  return { text: runs[0].stdout, json: runs[1].stdout, sarif: runs[2].stdout, stderr: runs.map((run) => run.stderr).join('') };
}

function expectNothingEchoed(outputs: Outputs): void {
  for (const [name, output] of Object.entries(outputs)) {
    for (const secret of SECRETS) expect(output, `${name} holds ${JSON.stringify(secret)}`).not.toContain(secret);
    expect(output, `${name} holds a long line`).not.toMatch(LONG_RUN);
    expect(output, `${name} holds a raw control or bidi character`).not.toMatch(RAW_CONTROL);
  }
  // Machine formats stay valid, with nothing unseen even in their escapes' place.
  JSON.parse(outputs.json);
  JSON.parse(outputs.sarif);
}

/** Every message a report holds, with the file and line it names: findings and problems (JSON), results and notifications (SARIF). */
function messages(outputs: Outputs): { json: { file: string; line?: number; text: string }[]; sarif: { uri?: string; line?: number; text: string }[] } {
  const json = JSON.parse(outputs.json) as { findings: { message: string; location: { file: string; line: number } }[]; problems: { message: string; file: string; line?: number }[] };
  const sarif = JSON.parse(outputs.sarif) as { runs: { results: { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[]; invocations: { toolExecutionNotifications?: { message: { text: string }; locations?: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[] }[] }[] }[] };
  const run = sarif.runs[0];
  return {
    json: [...json.findings.map((finding) => ({ file: finding.location.file, line: finding.location.line, text: finding.message })), ...json.problems.map((problem) => ({ file: problem.file, line: problem.line, text: problem.message }))],
    sarif: [
      ...run.results.map((result) => ({ uri: result.locations[0].physicalLocation.artifactLocation.uri, line: result.locations[0].physicalLocation.region.startLine, text: result.message.text })),
      ...(run.invocations[0].toolExecutionNotifications ?? []).map((note) => ({ uri: note.locations?.[0]?.physicalLocation.artifactLocation.uri, line: note.locations?.[0]?.physicalLocation.region?.startLine, text: note.message.text })),
    ],
  };
}

/** The JSON messages about one file (by name) at one line. */
function about(outputs: Outputs, file: string, line: number): string[] {
  return messages(outputs).json.filter((message) => message.file.endsWith(`/${file}`) && message.line === line).map((message) => message.text);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'parapet-echo-'));
  for (const [name, text] of Object.entries(NOT_INPUTS)) write(`not-inputs/${name}`, text);
  write('host/etc/ssh/sshd_config', SSHD_CONFIG);
  write('host/etc/ssh/secrets.env', ENV);
  write('host/etc/ssh/sshd_config.d/passwd.conf', PASSWD);
  write('host/etc/ssh/sshd_config.d/id_ed25519.conf', PRIVATE_KEY);
  write('host/etc/ssh/sshd_config.d/terminal.conf', TERMINAL);
  write('inputs/ufw-status.txt', UFW_STATUS);
  write('inputs/user.rules', USER_RULES);
  write('inputs/netsh-rules.txt', NETSH);
  write('inputs/aws.json', JSON.stringify(AWS, null, 2));
  write('inputs/aws-error.json', JSON.stringify(AWS_ERROR, null, 2));
  write('inputs/azure.json', JSON.stringify(AZURE, null, 2));
  write('inputs/azure-error.json', JSON.stringify(AZURE_ERROR, null, 2));
  write('inputs/gcp.json', JSON.stringify(GCP, null, 2));
  write('inputs/gcp-error.json', JSON.stringify(GCP_ERROR, null, 2));
  write('inputs/terraform/main.tf', TERRAFORM);
  write('inputs/stack.yaml', CLOUDFORMATION);
  write('inputs/template.json', JSON.stringify(ARM, null, 2));
  write('inputs/plan.json', JSON.stringify(PLAN, null, 2));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('files of no input type scanned as one, by mistake', () => {
  const files = Object.keys(NOT_INPUTS).map((name) => `not-inputs/${name}`);

  it.each(['sshd', 'ufw', 'windows-firewall', 'aws', 'azure', 'gcp', 'terraform', 'terraform-plan', 'cloudformation', 'arm'])('as %s: no line, secret or control character is echoed, and each file is named', (type) => {
    const outputs = scanned(['--type', type, ...files]);
    expectNothingEchoed(outputs);
    const named = messages(outputs).json.map((message) => message.file);
    for (const file of files) expect(named.some((path) => path.endsWith(file)), file).toBe(true);
  });

  it('as sshd: each line is refused at its line, saying how long the token is that is not shown', () => {
    const outputs = scanned(['--type', 'sshd', ...files]);
    expect(about(outputs, 'passwd', 1)).toContain("OpenSSH's sshd refuses to start with this line (no argument after keyword a token that is no sshd keyword (31 characters, not shown)): until it is fixed, a restart or reboot locks everyone out.");
    expect(about(outputs, 'passwd', 3).join()).toMatch(/Bad configuration option: a token that is no sshd keyword \(23 characters, not shown\)/);
    expect(about(outputs, 'secrets.env', 4).join()).toMatch(/Bad configuration option: export/);
    expect(about(outputs, 'id_ed25519', 2).join()).toMatch(/a token that is no sshd keyword \(70 characters, not shown\)/);
    expect(about(outputs, 'long.txt', 1).join()).toMatch(/\(10000 characters, not shown\)/);
    expect(about(outputs, 'long.txt', 2).join()).toMatch(/unsupported option 'LONGVALUELONGVALUE[A-Z]*…'/);
    expect(about(outputs, 'terminal.txt', 3).join()).toMatch(/unsupported option '\\x1b\[31myes'/);
    expect(flatFindings(outputs.text)).toMatch(/passwd:2: high sshd\/invalid-config: .*47 characters, not shown/);
  });

  it('as ufw or a cloud export: the first line is named as what it is not, never shown', () => {
    expect(about(scanned(['--type', 'ufw', 'not-inputs/passwd']), 'passwd', 1).join()).toMatch(/found a line of 31 characters that is not ufw's/);
    expect(about(scanned(['--type', 'aws', 'not-inputs/secrets.env']), 'secrets.env', 1).join()).toMatch(/^not valid JSON: unexpected character — /);
  });
});

describe('inputs that carry planted values', () => {
  it('sshd_config with Include-d drop-ins inside --root: the drop-ins are refused line by line, values quoted and hidden', () => {
    const outputs = scanned(['--root', 'host', 'host/etc/ssh/sshd_config']);
    expectNothingEchoed(outputs);
    expect(about(outputs, 'secrets.env', 2).join()).toMatch(/Bad configuration option: a token that is no sshd keyword \(21 characters, not shown\)/);
    expect(about(outputs, 'passwd.conf', 1).join()).toMatch(/31 characters, not shown/);
    expect(about(outputs, 'sshd_config', 5).join()).toMatch(/unsupported option '\\x1b\[31mmaybe\\x1b\[0m'/);
    expect(about(outputs, 'sshd_config', 7).join()).toMatch(/Bad SSH2 cipher spec \[a 51-character value that looks like a credential, not shown\]/);
    expect(about(outputs, 'sshd_config', 8).join()).toMatch(/AllowUsers is \* \[a 40-character value that looks like a credential, not shown\]/);
    expect(about(outputs, 'sshd_config', 9).join()).toMatch(/PermitUserEnvironment is \[a 40-character value/);
    expect(about(outputs, 'sshd_config', 11).join()).toMatch(/in the block "Match User \[a 48-character value that looks like a credential, not shown\]"/);
    expect(about(outputs, 'sshd_config', 12).join()).toMatch(/Invalid Match address argument \[a 32-character value that looks like a credential, not shown\]/);
  });

  it('ufw status and user.rules: unreadable rows are named by line, cells quoted and hidden', () => {
    const outputs = scanned(['inputs/ufw-status.txt', 'inputs/user.rules']);
    expectNothingEchoed(outputs);
    expect(about(outputs, 'ufw-status.txt', 2).join()).toMatch(/cannot read the default policy \[a 84-character value that looks like a credential/);
    expect(about(outputs, 'ufw-status.txt', 7).join()).toMatch(/^this line is not a ufw rule row/);
    expect(about(outputs, 'ufw-status.txt', 11).join()).toMatch(/^cannot read this ufw rule: To column: \[a 62-character value/);
    expect(messages(outputs).json.some((message) => message.text.includes("through ufw rule '3306/tcp on eth0\\u{202e} ALLOW IN Anywhere'"))).toBe(true);
    expect(about(outputs, 'user.rules', 4).join()).toMatch(/bad address \[a 40-character value that looks like a credential/);
    expect(about(outputs, 'user.rules', 5).join()).toMatch(/unknown action \[a 40-character value that looks like a credential/);
  });

  it('netsh text: rule names and values are quoted, cut and hidden', () => {
    const outputs = scanned(['--type', 'windows-firewall', 'inputs/netsh-rules.txt']);
    expectNothingEchoed(outputs);
    const texts = messages(outputs).json.map((message) => message.text).join('\n');
    expect(texts).toContain('rule [a 40-character value that looks like a credential, not shown]');
    expect(texts).toContain("through rule 'Allow\\u{202e} RDP \\x1b[31m' (program C:\\evil\\u{202e}exe.txt [a 40-character value that looks like a credential, not shown])");
    expect(texts).toMatch(/port \[a 20-character value that looks like a credential, not shown\] is neither/);
    expect(texts).toMatch(/Direction 'LONGVALUE[A-Z]*…' is neither In nor Out/);
    expect(texts).toMatch(/netsh printed "No rules match the specified criteria\. \[a 40-character value/);
  });

  it.each(['aws', 'azure', 'gcp'])('%s exports and error responses: names, values and error messages are quoted, cut and hidden', (cloud) => {
    const outputs = scanned(['--type', cloud, `inputs/${cloud}.json`, `inputs/${cloud}-error.json`]);
    expectNothingEchoed(outputs);
    expect(messages(outputs).json.filter((message) => message.file.endsWith(`${cloud}-error.json`)).map((message) => message.text).join()).toMatch(/error response, not a listing \(/);
    expect(messages(outputs).sarif.length).toBeGreaterThan(2);
  });

  it('the cloud messages still say what is wrong with which value', () => {
    const aws = messages(scanned(['inputs/aws.json'])).json.map((message) => message.text).join('\n');
    expect(aws).toMatch(/IpProtocol \[a 20-character value that looks like a credential, not shown\] is not an IP protocol/);
    expect(aws).toMatch(/CidrIp 'LONGVALUE[A-Z]*…' is not valid/);
    expect(aws).toMatch(/CidrIp an object is not valid/);
    expect(aws).toMatch(/prefix lists whose entries this export does not show \(pl-\\u\{202e\}\\x1b\[31mevil\)/);
    const gcp = messages(scanned(['inputs/gcp.json'])).json.map((message) => message.text).join('\n');
    expect(gcp).toMatch(/firewall rule 'bad ranges': sourceRanges entry \[a 40-character value that looks like a credential, not shown\] is not a CIDR/);
    expect(gcp).toMatch(/firewall rule \[a 40-character value that looks like a credential, not shown\]/);
    const azure = messages(scanned(['--type', 'azure', 'inputs/azure-error.json'])).json.map((message) => message.text).join('\n');
    expect(azure).toContain('(AuthorizationFailed: The client with secret [a 40-character value that looks like a credential, not shown] has no authorization; Bearer [a 40-');
  });

  it.each([['terraform', 'inputs/terraform'], ['cloudformation', 'inputs/stack.yaml'], ['arm', 'inputs/template.json'], ['terraform-plan', 'inputs/plan.json']])('%s: addresses, values and unresolved names are quoted, cut and hidden', (_, path) => {
    const outputs = scanned([path]);
    expectNothingEchoed(outputs);
    expect(messages(outputs).json.some((message) => message.text.includes('looks like a credential, not shown'))).toBe(true);
    expect(JSON.parse(outputs.json).findings.length).toBeGreaterThan(0);
  });

  it('found by detection in a directory, every input is judged and nothing is echoed', () => {
    const outputs = scanned(['--root', 'host', 'host', 'inputs', 'not-inputs']);
    expectNothingEchoed(outputs);
    const files = new Set(messages(outputs).json.map((message) => message.file.slice(message.file.lastIndexOf('/') + 1)));
    for (const file of ['sshd_config', 'secrets.env', 'ufw-status.txt', 'user.rules', 'netsh-rules.txt', 'aws.json', 'azure.json', 'gcp.json', 'main.tf', 'stack.yaml', 'template.json', 'plan.json']) expect(files, file).toContain(file);
  });
});
