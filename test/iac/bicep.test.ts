import { relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { RULES } from '../../rules/index.js';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import { scan } from '../../src/scan/scan.js';
import { tree } from './terraform-trees.js';

/** An NSG with one inbound TCP rule, its source and port written as Bicep expressions. */
function nsg(source: string, port: string, extra = ''): string {
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
          sourceAddressPrefix: ${source}
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
    const { findings, problems } = await scanned(nsg('open', "sys.string(ports[env] ?? 22)", extra));
    expect(findings).toEqual(['net/rdp-open-to-world main.bicep:10 web-nsg']);
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

  test('what Bicep reads at build time, a resource it does not deploy, and a module call are said, never guessed safe', async () => {
    const text = `${nsg("loadTextContent('source.txt')", "'22'")}
resource old 'Microsoft.Network/networkSecurityGroups@2023-04-01' existing = {
  name: 'legacy'
}
module rules './rules.bicep' = {
  name: 'rules'
  params: { nsgName: nsg.name }
}
`;
    const { findings, messages, problems } = await scanned(text);
    expect(findings).toEqual(['net/ssh-open-to-world main.bicep:14 web-nsg']);
    expect(messages.find((message) => message.includes('SSH'))).toContain("depending on `loadTextContent('source.txt')`");
    expect(problems).toEqual([
      "warning iac/unsupported 14 loadTextContent() reads a file when Bicep builds the template, which Parapet does not read",
      "warning iac/unsupported 27 module 'rules' ('./rules.bicep') is not evaluated with the values this call gives",
      expect.stringMatching(/^warning iac\/unresolved 14 /),
    ]);
  });

  test('a file that is not valid Bicep is an error and is not judged; other files are', async () => {
    const directory = tree({ 'broken.bicep': "resource nsg 'Microsoft.Network/networkSecurityGroups@2023-04-01' = {\n  name: 'x'\n  properties: {\n", 'main.bicep': nsg("'*'", "'22'") });
    const result = await scan({ paths: [directory], rules: RULES, settings: DEFAULT_RULE_SETTINGS });
    expect(result.problems.map((problem) => `${problem.level} ${problem.id} ${relative(directory, problem.file)}`)).toEqual(['error iac/syntax broken.bicep']);
    expect(result.findings.filter((finding) => finding.ruleId === 'net/ssh-open-to-world').map((finding) => relative(directory, finding.location.file))).toEqual(['main.bicep']);
  });
});
