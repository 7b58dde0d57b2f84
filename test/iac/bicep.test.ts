import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { RULES } from '../../rules/index.js';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import { scan } from '../../src/scan/scan.js';
import { tree } from './terraform-trees.js';

/** An NSG with one inbound TCP rule, its source (by default `sourceAddressPrefix`) and port written as Bicep expressions. */
function nsg(source: string, port: string, extra = '', sourceField = 'sourceAddressPrefix'): string {
  return `${extra}
resource nsg 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {
  name: 'web-nsg'
  location: 'westeurope'
  properties: {
    securityRules: [
      {
        name: 'rule'
        properties: {
          priority: 100
          direction: 'Inbound'
          access: 'Allow'
          protocol: 'Tcp'
          ${sourceField}: ${source}
          sourcePortRange: '*'
          destinationAddressPrefix: '*'
          destinationPortRange: ${port}
        }
      }
    ]
  }
}
`;
}

async function scanned(text: string, parameters: Record<string, string> = {}) {
  const directory = tree({ 'main.bicep': text });
  const result = await scan({ paths: [directory], rules: RULES, settings: DEFAULT_RULE_SETTINGS, iac: { parameters: new Map(Object.entries(parameters)), varFiles: [] } });
  return {
    findings: result.findings.filter((finding) => finding.ruleId !== 'net/egress-open-to-world').map((finding) => `${finding.ruleId} ${relative(directory, finding.location.file)}:${finding.location.line} ${finding.asset.id}`),
    messages: result.findings.map((finding) => finding.message),
    problems: result.problems.map((problem) => `${problem.level} ${problem.id} ${problem.line} ${problem.message.split(' — ')[0]}`),
  };
}

describe('Bicep, judged as the ARM template it builds', () => {
  test('expressions are evaluated as Bicep writes them: interpolation, operators, ternaries, functions through their namespace', async () => {
    const extra = "param env string = 'prod'\nvar ports = { prod: 3389, test: 22 }\nvar open = env == 'prod' && !empty(ports) ? 'Internet' : '10.0.0.0/8'\n";
    const { findings, messages, problems } = await scanned(nsg('open', "sys.string(ports[env] ?? 22)", extra));
    expect(findings).toEqual(['net/rdp-open-to-world main.bicep:10 web-nsg']);
    // Declared in the file it is judged as: nothing to add.
    expect(messages.find((message) => message.includes('RDP'))).toContain('on web-nsg is reachable');
    expect(problems).toEqual([]);
    const test = await scanned(nsg('open', "'${ports[env]}'", extra), { env: 'test' });
    expect(test.findings).toEqual([]);
  });

  test("a safe dereference (.?) is null where the property is missing, and ?? gives the default", async () => {
    const extra = "var rule = { port: '22' }\n";
    const { findings, problems } = await scanned(nsg("rule.?source ?? 'Internet'", "rule.?port ?? '3389'", extra));
    expect(findings).toEqual(['net/ssh-open-to-world main.bicep:8 web-nsg']);
    expect(problems).toEqual([]);
  });

  test('lambdas are evaluated by map() and filter(): a rule filtered out is not judged, one mapped is', async () => {
    const extra = `var candidates = [
  { name: 'ssh', port: '22', enabled: false }
  { name: 'rdp', port: '3389', enabled: true }
]
var enabled = filter(candidates, c => c.enabled)
var ports = map(enabled, (c, i) => '\${c.port}')
`;
    const { findings, problems } = await scanned(nsg("'*'", 'first(ports)', extra));
    expect(findings).toEqual(['net/rdp-open-to-world main.bicep:13 web-nsg']);
    expect(problems).toEqual([]);
  });

  test("Azure Verified Modules' parameter types (a nullable user-defined type, resourceInput<…>) are read, not refused", async () => {
    const extra = `import { lockType } from 'br/public:avm/utl/types/avm-common-types:0.7.0'
param lock lockType?
param tags resourceInput<'Microsoft.Network/networkSecurityGroups@2025-05-01'>.tags?
param env 'prod' | 'test' = 'prod'
`;
    const { findings, problems } = await scanned(nsg("'*'", "env == 'prod' ? '22' : '443'", extra));
    expect(findings).toEqual(['net/ssh-open-to-world main.bicep:11 web-nsg']);
    expect(problems).toEqual([]);
  });

  test('a parameter without a default is unknown, named as Bicep names it, until --parameter gives it', async () => {
    const text = nsg('source', "'22'", 'param source string\n');
    const unknown = await scanned(text);
    expect(unknown.findings).toEqual(['net/ssh-open-to-world main.bicep:15 web-nsg']);
    expect(unknown.messages.find((message) => message.includes('SSH'))).toContain('depending on `source`');
    expect(unknown.problems).toEqual(['warning iac/unresolved 15 1 value could not be resolved from the code (`source`): the rules that use it were judged as the worst it could be']);
    expect((await scanned(text, { source: '10.0.0.0/8' })).findings).toEqual([]);
    expect((await scanned(text, { source: '*' })).findings).toEqual(['net/ssh-open-to-world main.bicep:8 web-nsg']);
  });

  test('a loop with an index, a resource loop with a condition, and a literal that starts with [ are read as Bicep means them', async () => {
    const text = `param names array = [ 'a', 'b' ]
resource many 'Microsoft.Network/networkSecurityGroups@2023-04-01' = [for (name, i) in names: if (i > 0) {
  name: 'nsg-\${name}-\${i}'
  properties: {
    securityRules: [
      {
        name: '[literal]'
        properties: { priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '22' }
      }
    ]
  }
}]
`;
    const { findings, messages, problems } = await scanned(text);
    expect(findings).toEqual(['net/ssh-open-to-world main.bicep:6 nsg-b-1']);
    expect(messages.find((message) => message.includes('SSH'))).toContain("rule '[literal]'");
    expect(problems).toEqual([]);
  });

  test('what Bicep reads at build time is read beside the file, inside the tree; what it cannot read is said, never guessed safe', async () => {
    const text = `var rules = loadJsonContent('rules.json')
var source = loadTextContent('source.txt')
var hidden = loadTextContent('../outside.txt')
var picked = loadJsonContent('rules.json', '$.ports[0]')
var port = loadJsonContent('rules.json', 'port')
${nsg('source', 'port')}
resource old 'Microsoft.Network/networkSecurityGroups@2023-04-01' existing = {
  name: 'legacy'
}
resource other 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {
  name: 'other-nsg'
  properties: { securityRules: [ { name: 'r', properties: { priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sourceAddressPrefix: hidden, sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: picked } } ] }
}
`;
    const directory = tree({ 'main.bicep': text, 'rules.json': '{ "port": "3389" }\n', 'source.txt': '*' });
    const result = await scan({ paths: [directory], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
    const findings = result.findings.filter((finding) => ['net/rdp-open-to-world', 'net/ssh-open-to-world'].includes(finding.ruleId));
    expect(findings.map((finding) => `${finding.ruleId} ${relative(directory, finding.location.file)}:${finding.location.line} ${finding.asset.id}`)).toEqual([
      'net/rdp-open-to-world main.bicep:12 web-nsg',
      'net/rdp-open-to-world main.bicep:34 other-nsg',
      'net/ssh-open-to-world main.bicep:34 other-nsg',
    ]);
    expect(findings[1].message).toContain("`loadTextContent('../outside.txt')`");
    expect(result.problems.map((problem) => `${problem.level} ${problem.id} ${problem.line} ${problem.message.split(' — ')[0]}`)).toEqual([
      "warning input/outside-boundary 3 the file read at build time '../outside.txt' is outside the scanned directory " + directory,
      'warning iac/unsupported 4 loadJsonContent() reads a file when Bicep builds the template in a way Parapet does not evaluate',
      expect.stringMatching(/^warning iac\/unresolved 34 2 values could not be resolved/),
    ]);
    // The files it read are part of it: not scanned again on their own.
    expect(result.scannedFiles.map((file) => relative(directory, file)).sort()).toEqual(['main.bicep', 'rules.json', 'source.txt']);
  });


  test('a rule whose parent is an existing NSG is judged on that NSG, named by its name', async () => {
    const text = `resource shared 'Microsoft.Network/networkSecurityGroups@2023-04-01' existing = {
  name: 'shared-nsg'
}

resource ssh 'Microsoft.Network/networkSecurityGroups/securityRules@2023-04-01' = {
  parent: shared
  name: 'ssh'
  properties: { priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '22' }
}
`;
    const { findings, problems } = await scanned(text);
    expect(findings).toEqual(['net/ssh-open-to-world main.bicep:5 shared-nsg']);
    expect(problems).toEqual([]);
  });

  test('an item of a multi-line array that subscripts a value is one item, as Bicep reads it', async () => {
    const extra = "var ranges = [\n  '10.0.0.0/8'\n  '*'\n]\nvar config = { office: [ '198.51.100.0/24' ] }\n";
    const { findings, problems } = await scanned(nsg("[\n            ranges[0]\n            config['office'][0]\n          ]", "'22'", extra, 'sourceAddressPrefixes'));
    expect(findings).toEqual([]);
    expect(problems).toEqual([]);
  });

  test('an application security group whose id the file does not fix is a group, not an error', async () => {
    const text = nsg("'*'", "'22'", 'param asgId string\n').replace("destinationAddressPrefix: '*'", 'destinationApplicationSecurityGroups: [ { id: asgId } ]');
    const { findings, problems } = await scanned(text);
    expect(findings).toEqual(['net/ssh-open-to-world main.bicep:8 web-nsg']);
    expect(problems).toEqual([]);
  });

  test('a rule may name a parent declared below it, and a module output is unknown without a warning', async () => {
    const text = `resource ssh 'Microsoft.Network/networkSecurityGroups/securityRules@2023-04-01' = {
  parent: nsg
  name: 'ssh'
  properties: { priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '22' }
}

resource nsg 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {
  name: 'web-nsg'
  location: network.outputs.location
}

module network './network.bicep' = {
  name: 'network'
}
`;
    const directory = tree({ 'main.bicep': text, 'network.bicep': "output location string = 'westeurope'\n" });
    const result = await scan({ paths: [directory], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
    expect(result.findings.filter((finding) => finding.ruleId === 'net/ssh-open-to-world').map((finding) => `${relative(directory, finding.location.file)}:${finding.location.line} ${finding.asset.id}`)).toEqual(['main.bicep:1 web-nsg']);
    expect(result.problems).toEqual([]);
  });

  test('a file that is not valid Bicep is an error and is not judged; other files are', async () => {
    const directory = tree({ 'broken.bicep': "resource nsg 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {\n  name: 'x'\n  properties: {\n", 'main.bicep': nsg("'*'", "'22'") });
    const result = await scan({ paths: [directory], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
    expect(result.problems.map((problem) => `${problem.level} ${problem.id} ${relative(directory, problem.file)}`)).toEqual(['error iac/syntax broken.bicep']);
    expect(result.findings.filter((finding) => finding.ruleId === 'net/ssh-open-to-world').map((finding) => relative(directory, finding.location.file))).toEqual(['main.bicep']);
  });

  test('an expression of 2,000 operators (hostile input) is unknown past 200 levels, not a stack overflow', async () => {
    const { findings, problems } = await scanned(nsg(`'*'`, `'22'`, `var deep = ${Array.from({ length: 2000 }, (_, index) => `${index}`).join(' * ')}\n`));
    expect(findings).toEqual(['net/ssh-open-to-world main.bicep:8 web-nsg']);
    expect(problems).toEqual(['warning iac/unsupported 1 an expression nested more than 200 deep']);
  });

  test('user-defined functions are evaluated with the values of each call', async () => {
    const extra = "param env string = 'dev'\n@description('where admins come from')\nfunc adminSource(environment string) string => environment == 'prod' ? '10.0.0.0/8' : '*'\nfunc port(service string) string => service == 'ssh' ? '22' : '3389'\n";
    const dev = await scanned(nsg('adminSource(env)', "port('ssh')", extra));
    expect(dev.findings).toEqual(['net/ssh-open-to-world main.bicep:11 web-nsg']);
    expect(dev.problems).toEqual([]);
    expect((await scanned(nsg('adminSource(env)', "port('ssh')", extra), { env: 'prod' })).findings).toEqual([]);
  });

  describe('modules', () => {
    const MODULE = `param nsgName string
param rules array
param location string = resourceGroup().location

resource nsg 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {
  name: nsgName
  location: location
  properties: {
    securityRules: [for (rule, i) in rules: {
      name: rule.name
      properties: { priority: 100 + i, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sourceAddressPrefix: rule.source, sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: rule.port }
    }]
  }
}
`;
    const call = (symbol: string, name: string, rules: string, path = './modules/nsg.bicep', guard = '') => `module ${symbol} '${path}' = ${guard}{
  name: '${symbol}'
  params: {
    nsgName: ${name}
    rules: ${rules}
  }
}
`;

    test("each call is judged with the values it gives, at the module's lines, and the module is not judged again on its own", async () => {
      const main = `param env string = 'prod'
${call('web', "'web-${env}'", "[\n      { name: 'https', port: '443', source: 'Internet' }\n      { name: 'rdp', port: '3389', source: 'Internet' }\n    ]")}
${call('jump', "'jump'", "[ { name: 'ssh', port: '22', source: '*' } ]", './modules/nsg.bicep', "if (env == 'test') ")}
module many './modules/nsg.bicep' = [for i in range(0, 2): {
  name: 'many-\${i}'
  params: {
    nsgName: 'many-\${i}'
    rules: [ { name: 'ssh', port: '22', source: i == 0 ? '*' : '10.0.0.0/8' } ]
  }
}]
`;
      const directory = tree({ 'main.bicep': main, 'modules/nsg.bicep': MODULE });
      const result = await scan({ paths: [directory], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
      expect(result.findings.filter((finding) => finding.ruleId !== 'net/egress-open-to-world').map((finding) => `${finding.ruleId} ${relative(directory, finding.location.file)}:${finding.location.line} ${finding.asset.id} in ${relative(directory, finding.asset.within!)}`).sort()).toEqual([
        'net/rdp-open-to-world modules/nsg.bicep:9 web-prod in main.bicep',
        'net/ssh-open-to-world modules/nsg.bicep:9 many-0 in main.bicep',
      ]);
      // Found in the module's file, the finding names the file it was judged for.
      expect(result.findings.find((finding) => finding.ruleId === 'net/rdp-open-to-world')?.message).toContain(`on web-prod in ${join(directory, 'main.bicep')} is reachable`);
      expect(result.problems).toEqual([]);
      expect(result.scannedFiles.map((file) => relative(directory, file)).sort()).toEqual(['main.bicep', 'modules/nsg.bicep']);
    });

    test("a nullable parameter a call does not give is null, as Bicep deploys it; one the call gives is used", async () => {
      const module = MODULE.replace('param rules array', 'param rules array?').replace('[for (rule, i) in rules:', '[for (rule, i) in rules ?? []:');
      const main = `module none './modules/nsg.bicep' = {\n  name: 'none'\n  params: {\n    nsgName: 'none'\n  }\n}\n${call('some', "'some'", "[ { name: 'ssh', port: '22', source: '*' } ]")}`;
      const directory = tree({ 'main.bicep': main, 'modules/nsg.bicep': module });
      const result = await scan({ paths: [directory], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
      expect(result.findings.filter((finding) => finding.ruleId !== 'net/egress-open-to-world').map((finding) => `${finding.ruleId} ${finding.asset.id}`)).toEqual(['net/ssh-open-to-world some']);
      expect(result.problems).toEqual([]);
    });

    test("rules a call gives whole are found at the module line that uses them, never at the caller's line numbers", async () => {
      const module = "param rules array\n\nresource nsg 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {\n  name: 'whole'\n  location: 'westeurope'\n  properties: {\n    securityRules: rules\n  }\n}\n";
      const rule = "{ name: 'ssh', properties: { priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '22' } }";
      const main = `\n\n\n\nmodule whole './modules/whole.bicep' = {\n  name: 'whole'\n  params: {\n    rules: [\n      ${rule}\n    ]\n  }\n}\n`;
      const directory = tree({ 'main.bicep': main, 'modules/whole.bicep': module });
      const result = await scan({ paths: [directory], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
      expect(result.findings.filter((finding) => finding.ruleId === 'net/ssh-open-to-world').map((finding) => `${relative(directory, finding.location.file)}:${finding.location.line}`)).toEqual(['modules/whole.bicep:7']);
    });

    test('a module beside its caller, and one named earlier in the directory, is still read by the caller first', async () => {
      const directory = tree({ 'main.bicep': call('web', "'web'", "[ { name: 'rdp', port: '3389', source: '*' } ]", './a-nsg.bicep'), 'a-nsg.bicep': MODULE });
      const result = await scan({ paths: [directory], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
      expect(result.findings.filter((finding) => finding.ruleId === 'net/rdp-open-to-world').map((finding) => finding.asset.id)).toEqual(['web']);
      expect(result.problems).toEqual([]);
    });

    test('a module from a registry, outside the tree, missing, calling its caller, or not valid Bicep is said; the rest is judged', async () => {
      const main = [
        call('remote', "'r'", '[]', 'br/public:avm/res/network/virtual-network:0.5.0'),
        call('outside', "'o'", '[]', '../elsewhere/nsg.bicep'),
        call('missing', "'m'", '[]', './missing.bicep'),
        call('cycle', "'c'", '[]', './modules/back.bicep'),
        call('broken', "'b'", '[]', './modules/broken.bicep'),
        call('web', "'web'", "[ { name: 'rdp', port: '3389', source: '*' } ]"),
      ].join('');
      const directory = tree({ 'main.bicep': main, 'modules/nsg.bicep': MODULE, 'modules/back.bicep': "module again '../main.bicep' = {\n  name: 'again'\n}\n", 'modules/broken.bicep': 'resource x = {\n' });
      const result = await scan({ paths: [directory], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
      expect(result.problems.map((problem) => `${problem.level} ${problem.id} ${relative(directory, problem.file)}:${problem.line} ${problem.message.split(' — ')[0]}`)).toEqual([
        "warning iac/unsupported main.bicep:1 the module 'br/public:avm/res/network/virtual-network:0.5.0' comes from a registry or a template spec, which Parapet does not fetch",
        "warning input/outside-boundary main.bicep:8 the module '../elsewhere/nsg.bicep' is outside the scanned directory " + directory,
        "error iac/invalid-resource main.bicep:15 the module './missing.bicep' is not a file here",
        "error iac/invalid-resource modules/back.bicep:1 the module '../main.bicep' calls the file that calls it",
        'error iac/syntax modules/broken.bicep:1 not valid Bicep (unexpected text)',
      ]);
      expect(result.findings.filter((finding) => finding.ruleId === 'net/rdp-open-to-world').map((finding) => finding.asset.id)).toEqual(['web']);
    });
  });

  describe("Azure Verified Modules' NSG from the registry, judged by its interface", () => {
    const rule = (name: string, source: string, priority: number) =>
      `{\n        name: '${name}'\n        properties: { access: 'Allow', direction: 'Inbound', priority: ${priority}, protocol: 'Tcp', ${source}, sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '22' }\n      }`;
    const avm = (symbol: string, reference: string, rules: string, extra = '', name = `'nsg-${symbol}'`) => `module ${symbol} '${reference}' = ${extra}{\n  name: '${symbol}'\n  params: {\n    name: ${name}\n    securityRules: [\n      ${rules}\n    ]\n  }\n}\n`;

    test('each call deploys one NSG with the rules it gives, at their lines, whatever the version and whichever registry name', async () => {
      const main = [
        avm('alias', 'br/public:avm/res/network/network-security-group:0.5.0', rule('ssh', "sourceAddressPrefix: '*'", 100)),
        avm('address', 'br:mcr.microsoft.com/bicep/avm/res/network/network-security-group:0.1.3', rule('ssh', "sourceAddressPrefixes: [ '0.0.0.0/0' ]", 100)),
        avm('groups', 'br/public:avm/res/network/network-security-group:0.5.0', rule('ssh', "sourceApplicationSecurityGroupResourceIds: [ 'asg-admins' ]", 100)),
        avm('looped', 'br/public:avm/res/network/network-security-group:0.5.0', rule('ssh', "sourceAddressPrefix: i == 0 ? 'Internet' : '10.0.0.0/8'", 100), '[for i in range(0, 2): ', "'nsg-looped-${i}'").replace(/\n}\n$/, '\n}]\n'),
        "module bare 'br/public:avm/res/network/network-security-group:0.5.0' = {\n  name: 'bare'\n  params: {\n    name: 'nsg-bare'\n  }\n}\n",
      ].join('');
      const directory = tree({ 'main.bicep': main });
      const result = await scan({ paths: [directory], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
      expect(result.problems).toEqual([]);
      const lines = main.split('\n');
      const ssh = result.findings.filter((finding) => finding.ruleId === 'net/ssh-open-to-world');
      expect(ssh.map((finding) => finding.asset.id).sort()).toEqual(['nsg-address', 'nsg-alias', 'nsg-looped-0']);
      for (const finding of ssh) expect(lines[finding.location.line - 1]).toBe('      {');
      expect(result.findings.filter((finding) => finding.asset.id === 'nsg-bare').map((finding) => finding.ruleId)).toEqual(['net/egress-open-to-world']);
    });

    test("their firewall policy deploys a rule collection group per item, whose DNAT rules are judged at the caller's lines", async () => {
      const dnat = (name: string, sources: string, port: string) => `{ ruleType: 'NatRule', name: '${name}', ipProtocols: [ 'TCP' ], sourceAddresses: [ ${sources} ], destinationAddresses: [ '20.61.12.8' ], destinationPorts: [ '5000${port}' ], translatedAddress: '10.20.1.4', translatedPort: '${port}' }`;
      const main = `module policy 'br/public:avm/res/network/firewall-policy:0.3.1' = {
  name: 'policy'
  params: {
    name: 'hub-policy'
    ruleCollectionGroups: [
      {
        name: 'dnat'
        priority: 100
        ruleCollections: [
          {
            ruleCollectionType: 'FirewallPolicyNatRuleCollection'
            name: 'inbound'
            priority: 100
            action: { type: 'Dnat' }
            rules: [
              ${dnat('ssh-from-anywhere', "'*'", '22')}
              ${dnat('rdp-from-vpn', "'10.8.0.0/24'", '3389')}
            ]
          }
        ]
      }
      {
        name: 'nothing-yet'
        priority: 200
      }
    ]
  }
}
`;
      const directory = tree({ 'main.bicep': main });
      const result = await scan({ paths: [directory], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
      expect(result.problems).toEqual([]);
      expect(result.findings.map((finding) => `${finding.ruleId} main.bicep:${finding.location.line} ${finding.asset.id}`)).toEqual(['net/ssh-open-to-world main.bicep:16 hub-policy/dnat']);
    });

    test("their Azure Firewall deploys the classic NAT rule collections it is given, judged at the caller's lines", async () => {
      const main = `module firewall 'br/public:avm/res/network/azure-firewall:0.6.0' = {
  name: 'firewall'
  params: {
    name: 'hub-fw'
    virtualNetworkResourceId: '/subscriptions/x/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub'
    natRuleCollections: [
      {
        name: 'inbound'
        properties: {
          priority: 100
          action: { type: 'Dnat' }
          rules: [
            { name: 'rdp', protocols: [ 'TCP' ], sourceAddresses: [ '*' ], destinationAddresses: [ '20.61.12.8' ], destinationPorts: [ '50001' ], translatedAddress: '10.20.1.4', translatedPort: '3389' }
            { name: 'ssh', protocols: [ 'TCP' ], sourceAddresses: [ '10.8.0.0/24' ], destinationAddresses: [ '20.61.12.8' ], destinationPorts: [ '50022' ], translatedAddress: '10.20.1.4', translatedPort: '22' }
          ]
        }
      }
    ]
  }
}
module bare 'br/public:avm/res/network/azure-firewall:0.6.0' = {
  name: 'bare'
  params: {
    name: 'bare-fw'
  }
}
`;
      const directory = tree({ 'main.bicep': main });
      const result = await scan({ paths: [directory], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
      expect(result.problems).toEqual([]);
      expect(result.findings.map((finding) => `${finding.ruleId} main.bicep:${finding.location.line} ${finding.asset.id}`)).toEqual(['net/rdp-open-to-world main.bicep:13 hub-fw']);
    });
  });

  describe('parameters files (.bicepparam)', () => {
    const MAIN = nsg('sshSource', "'22'", 'param sshSource string\n');

    test('each parameters file deploys the Bicep file it uses with its values; the Bicep file is not judged again on its own', async () => {
      const directory = tree({
        'main.bicep': MAIN,
        'dev.bicepparam': "using './main.bicep'\n\nparam sshSource = '*'\n",
        'prod.bicepparam': "using './main.bicep'\n\nvar office = '198.51.100.0/24'\nparam sshSource = office\n",
      });
      const result = await scan({ paths: [directory], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
      expect(result.findings.filter((finding) => finding.ruleId === 'net/ssh-open-to-world').map((finding) => `${relative(directory, finding.location.file)}:${finding.location.line} ${relative(directory, finding.asset.within!)}`)).toEqual(['main.bicep:8 dev.bicepparam']);
      expect(result.findings.find((finding) => finding.ruleId === 'net/ssh-open-to-world')?.message).toContain('web-nsg in ');
      expect(result.problems).toEqual([]);
      expect(result.scannedFiles.map((file) => relative(directory, file)).sort()).toEqual(['dev.bicepparam', 'main.bicep', 'prod.bicepparam']);
    });

    test('a parameter the Bicep file does not declare is an error at its line, as Bicep rejects the file; the rest is judged', async () => {
      const directory = tree({ 'main.bicep': MAIN, 'dev.bicepparam': "using './main.bicep'\n\nparam sshSource = '*'\nparam sshSourse = '10.0.0.0/8'\n" });
      const result = await scan({ paths: [directory], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
      expect(result.findings.filter((finding) => finding.ruleId === 'net/ssh-open-to-world').map((finding) => `${relative(directory, finding.location.file)}:${finding.location.line}`)).toEqual(['main.bicep:8']);
      expect(result.problems.map((problem) => `${problem.level} ${problem.id} ${relative(directory, problem.file)}:${problem.line} ${problem.message.split(' — ')[0]}`)).toEqual([
        "error iac/invalid-resource dev.bicepparam:4 parameter 'sshSourse' is not declared in 'main.bicep'",
      ]);
    });

    test('a parameters file without a using, or whose Bicep file is missing, is said', async () => {
      const directory = tree({ 'a.bicepparam': "param sshSource = '*'\n", 'b.bicepparam': "using './gone.bicep'\n\nparam sshSource = '*'\n" });
      const result = await scan({ paths: [directory], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
      expect(result.problems.map((problem) => `${problem.level} ${problem.id} ${relative(directory, problem.file)}:${problem.line} ${problem.message.split(' — ')[0]}`)).toEqual([
        'warning iac/invalid-resource a.bicepparam:1 the parameters file names no Bicep file (`using \'./main.bicep\'`)',
        "error iac/invalid-resource b.bicepparam:1 the Bicep file './gone.bicep' is not a file here",
      ]);
    });
  });
});
