import { symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { RULES } from '../../rules/index.js';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import { templatesPairedWith } from '../../src/parsers/arm/detect.js';
import { scan } from '../../src/scan/scan.js';
import { tree } from './terraform-trees.js';

const PARAMETERS_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#';

/** A template with one NSG whose SSH rule takes its source from the parameter `sshSource`, which has no default. */
const TEMPLATE = JSON.stringify(
  {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
    contentVersion: '1.0.0.0',
    parameters: { sshSource: { type: 'string' }, nsgName: { type: 'string', defaultValue: 'jump-nsg' } },
    resources: [
      {
        type: 'Microsoft.Network/networkSecurityGroups',
        apiVersion: '2023-09-01',
        name: "[parameters('nsgName')]",
        location: 'westeurope',
        properties: {
          securityRules: [
            { name: 'ssh', properties: { priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sourceAddressPrefix: "[parameters('sshSource')]", sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '22' } },
          ],
        },
      },
    ],
  },
  null,
  2,
);

const BICEP = `param sshSource string
resource nsg 'Microsoft.Network/networkSecurityGroups@2023-09-01' = {
  name: 'bicep-nsg'
  location: 'westeurope'
  properties: {
    securityRules: [
      {
        name: 'ssh'
        properties: { priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sourceAddressPrefix: sshSource, sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '22' }
      }
    ]
  }
}
`;

function parametersFile(parameters: Record<string, unknown>): string {
  return JSON.stringify({ $schema: PARAMETERS_SCHEMA, contentVersion: '1.0.0.0', parameters }, null, 2);
}

async function scanned(directory: string, paths = [directory], parameters: Record<string, string> = {}) {
  const result = await scan({ paths, rules: RULES, settings: DEFAULT_RULE_SETTINGS, iac: { parameters: new Map(Object.entries(parameters)), varFiles: [] } });
  return {
    findings: result.findings
      .filter((finding) => finding.ruleId === 'net/ssh-open-to-world')
      .map((finding) => `${relative(directory, finding.location.file)}:${finding.location.line} ${finding.asset.id} within ${relative(directory, finding.asset.within ?? finding.location.file)}`),
    messages: result.findings.filter((finding) => finding.ruleId === 'net/ssh-open-to-world').map((finding) => finding.message),
    problems: result.problems.map((problem) => `${problem.level} ${problem.id} ${relative(directory, problem.file)}:${problem.line} ${problem.message.split(' — ')[0]}`),
    scannedFiles: result.scannedFiles.map((file) => relative(directory, file)).sort(),
  };
}

describe('ARM parameters files, judged as the deployment of the file each is for', () => {
  test('names pair a parameters file with its template, as quickstarts, azd and the portal lay them out', () => {
    expect(templatesPairedWith('azuredeploy.parameters.json')).toEqual(['azuredeploy.json', 'azuredeploy.bicep']);
    expect(templatesPairedWith('main.parameters.prod.json')).toEqual(['main.json', 'main.bicep']);
    expect(templatesPairedWith('parameters.json')).toEqual(['template.json']);
    expect(templatesPairedWith('prod.json')).toEqual([]);
  });

  test('each parameters file deploys the template with its values; the template is scanned once and not judged alone', async () => {
    const directory = tree({
      'azuredeploy.json': TEMPLATE,
      'azuredeploy.parameters.dev.json': parametersFile({ sshSource: { value: '*' } }),
      'azuredeploy.parameters.prod.json': parametersFile({ sshSource: { value: '198.51.100.0/24' } }),
    });
    const { findings, messages, problems, scannedFiles } = await scanned(directory);
    expect(findings).toEqual(['azuredeploy.json:21 jump-nsg within azuredeploy.parameters.dev.json']);
    expect(messages[0]).toContain('jump-nsg in ');
    expect(messages[0]).toContain('is reachable from any address');
    expect(problems).toEqual([]);
    expect(scannedFiles).toEqual(['azuredeploy.json', 'azuredeploy.parameters.dev.json', 'azuredeploy.parameters.prod.json']);
  });

  test('the template alone is judged with its parameter unknown; a parameters file named on the command line reads its template', async () => {
    const directory = tree({ 'azuredeploy.json': TEMPLATE, 'azuredeploy.parameters.json': parametersFile({ sshSource: { value: '10.0.0.0/8' } }) });
    const alone = await scanned(directory, [join(directory, 'azuredeploy.json')]);
    expect(alone.findings).toEqual(['azuredeploy.json:28 jump-nsg within azuredeploy.json']);
    expect(alone.messages[0]).toContain("depending on `parameters('sshSource')`");
    const deployed = await scanned(directory, [join(directory, 'azuredeploy.parameters.json')]);
    expect(deployed.findings).toEqual([]);
    expect(deployed.scannedFiles).toEqual(['azuredeploy.json', 'azuredeploy.parameters.json']);
  });

  test("a null value is no value, as ARM reads it: the template's default stands (the portal exports null for each)", async () => {
    const directory = tree({ 'template.json': TEMPLATE, 'parameters.json': parametersFile({ sshSource: { value: 'Internet' }, nsgName: { value: null } }) });
    const { findings, problems } = await scanned(directory);
    expect(findings).toEqual(['template.json:21 jump-nsg within parameters.json']);
    expect(problems).toEqual([]);
  });

  test('a parameter the template does not declare is an error at its line, as ARM rejects the deployment; the rest is judged', async () => {
    const directory = tree({ 'azuredeploy.json': TEMPLATE, 'azuredeploy.parameters.json': parametersFile({ sshSource: { value: 'Internet' }, sshSourse: { value: '10.0.0.0/8' } }) });
    const { findings, problems } = await scanned(directory);
    expect(findings).toEqual(['azuredeploy.json:21 jump-nsg within azuredeploy.parameters.json']);
    expect(problems).toEqual(["error iac/invalid-resource azuredeploy.parameters.json:8 parameter 'sshSourse' is not declared in 'azuredeploy.json'"]);
  });

  test('a parameter the Bicep file it deploys does not declare is an error at its line too', async () => {
    const directory = tree({ 'main.bicep': BICEP, 'main.parameters.json': parametersFile({ sshSource: { value: 'Internet' }, sshSourse: { value: '10.0.0.0/8' } }) });
    const { findings, problems } = await scanned(directory);
    expect(findings).toEqual(['main.bicep:7 bicep-nsg within main.parameters.json']);
    expect(problems).toEqual(["error iac/invalid-resource main.parameters.json:8 parameter 'sshSourse' is not declared in 'main.bicep'"]);
  });

  test('rules the parameters file writes whole are found at the template line that reads them, never at its own line numbers', async () => {
    const template = TEMPLATE.replace('"securityRules": [', '"securityRules": "[parameters(\'rules\')]", "unused": [').replace('"parameters": {', '"parameters": {\n    "rules": { "type": "array" },');
    const rules = [{ name: 'ssh', properties: { priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sourceAddressPrefix: '*', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '22' } }];
    const directory = tree({ 'azuredeploy.json': template, 'azuredeploy.parameters.json': parametersFile({ rules: { value: rules }, sshSource: { value: '10.0.0.0/8' } }) });
    const { findings } = await scanned(directory);
    const line = template.split('\n').findIndex((text) => text.includes('"securityRules": "[parameters(')) + 1;
    expect(findings).toEqual([`azuredeploy.json:${line} jump-nsg within azuredeploy.parameters.json`]);
  });

  test('--parameter wins over the parameters file', async () => {
    const directory = tree({ 'azuredeploy.json': TEMPLATE, 'azuredeploy.parameters.json': parametersFile({ sshSource: { value: '10.0.0.0/8' } }) });
    expect((await scanned(directory, [directory], { sshSource: 'Internet' })).findings).toEqual(['azuredeploy.json:21 jump-nsg within azuredeploy.parameters.json']);
  });

  test('a Key Vault reference and an azd environment value are unknown, named as the file writes them', async () => {
    const directory = tree({
      'main.bicep': BICEP,
      'main.parameters.json': parametersFile({ sshSource: { value: '${ALLOWED_SSH_SOURCE}' } }),
      'vault/azuredeploy.json': TEMPLATE,
      'vault/azuredeploy.parameters.json': parametersFile({ sshSource: { reference: { keyVault: { id: '/subscriptions/x/vaults/kv' }, secretName: 'ssh-source' } } }),
    });
    const { findings, messages, problems } = await scanned(directory);
    expect(findings).toEqual(['main.bicep:9 bicep-nsg within main.parameters.json', 'vault/azuredeploy.json:28 jump-nsg within vault/azuredeploy.parameters.json']);
    expect(messages).toEqual([expect.stringContaining('depending on `${ALLOWED_SSH_SOURCE}`'), expect.stringContaining('depending on `the Key Vault secret sshSource refers to`')]);
    expect(problems.map((problem) => problem.split(' ').slice(0, 3).join(' '))).toEqual(['warning iac/unresolved main.bicep:9', 'warning iac/unresolved vault/azuredeploy.json:28']);
  });

  test('NAME.json is the template when it is one; else NAME.bicep, deployed with the values, its modules read too', async () => {
    const directory = tree({
      'main.json': '{ "not": "a template" }',
      'main.bicep': "module nsg 'nsg.bicep' = {\n  name: 'nsg'\n  params: { sshSource: source }\n}\nparam source string\n",
      'nsg.bicep': BICEP,
      'main.parameters.json': parametersFile({ source: { value: 'Internet' } }),
    });
    const { findings, problems, scannedFiles } = await scanned(directory);
    expect(findings).toEqual(['nsg.bicep:7 bicep-nsg within main.parameters.json']);
    expect(problems).toEqual([]);
    expect(scannedFiles).toEqual(['main.bicep', 'main.parameters.json', 'nsg.bicep']);
  });

  test('what keeps a parameters file from being used is said, and everything else is judged', async () => {
    const directory = tree({
      'azuredeploy.json': TEMPLATE,
      'azuredeploy.parameters.json': '{ "$schema": "' + PARAMETERS_SCHEMA + '", "parameters": { "sshSource": { "value": "*" }, ',
      'prod.json': parametersFile({ sshSource: { value: '*' } }),
      'other/parameters.json': parametersFile({ sshSource: { value: '*' }, nsgName: { metadata: {} } }),
      'other/template.json': TEMPLATE,
    });
    const { findings, problems } = await scanned(directory);
    expect(findings).toEqual(['azuredeploy.json:28 jump-nsg within azuredeploy.json', 'other/template.json:21 jump-nsg within other/parameters.json']);
    expect(problems).toEqual([
      'error iac/syntax azuredeploy.parameters.json:1 the JSON ends early (a truncated file?)',
      'warning iac/invalid-resource other/parameters.json:8 parameter \'nsgName\' gives neither a "value" nor a "reference"',
      "warning iac/unresolved prod.json:1 a parameters file, for no template found here (NAME.json or NAME.bicep beside NAME.parameters.json)",
      'warning iac/unresolved azuredeploy.json:28 1 value could not be resolved from the code (`parameters(\'sshSource\')`): the rules that use it were judged as the worst it could be',
    ]);
  });

  test('a template outside the scanned tree is not read through a link', async () => {
    const outside = tree({ 'azuredeploy.json': TEMPLATE });
    const directory = tree({ 'azuredeploy.parameters.json': parametersFile({ sshSource: { value: '*' } }) });
    symlinkSync(join(outside, 'azuredeploy.json'), join(directory, 'azuredeploy.json'));
    const { findings, problems } = await scanned(directory, [join(directory, 'azuredeploy.parameters.json')]);
    expect(findings).toEqual([]);
    expect(problems).toEqual([expect.stringMatching(/^warning input\/outside-boundary azuredeploy.parameters.json:1 the file it is for, 'azuredeploy.json', is outside /)]);
  });
});
