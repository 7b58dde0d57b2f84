import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksLikeArmTemplate } from '../../src/parsers/arm/detect.js';
import { armTemplate } from '../../src/parsers/arm/template.js';
import type { IacObject, IacValue } from '../../src/parsers/iac/value.js';

const corpus = new URL('../corpus/iac/arm/', import.meta.url);
const azureCorpus = new URL('../corpus/azure/', import.meta.url);

function load(template: object | string, parameters: Record<string, string> = {}) {
  const text = typeof template === 'string' ? template : JSON.stringify(template, null, 2);
  return armTemplate({ path: 't.json', text, encoding: 'utf-8' }, new Map(Object.entries(parameters)));
}

const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';
const field = (value: IacValue | undefined, ...path: string[]): IacValue | undefined =>
  path.reduce<IacValue | undefined>((at, key) => (at?.kind === 'object' ? at.fields.get(key) : undefined), value);

/** The value of `expression` as the location of an NSG in a template with these parameters and variables. */
function evaluate(expression: string, extra: { parameters?: object; variables?: object; given?: Record<string, string> } = {}) {
  const loaded = load({
    $schema: SCHEMA,
    parameters: extra.parameters ?? {},
    variables: extra.variables ?? {},
    resources: [{ type: 'Microsoft.Network/networkSecurityGroups', name: 'nsg', location: expression }],
  }, extra.given);
  return { value: field(loaded.resources[0]?.body, 'location'), problems: loaded.problems };
}
const known = (expression: string, extra = {}) => {
  const { value } = evaluate(expression, extra);
  return value?.kind === 'scalar' ? value.value : value;
};

describe('ARM template expressions', () => {
  it('evaluates text functions', () => {
    expect(known("[concat('a', 'b', 1, true())]")).toBe('ab1True');
    expect(known("[format('{0}-{1}{{x}}', 'web', 2)]")).toBe('web-2{x}');
    expect(known("[toLower('ABC')]")).toBe('abc');
    expect(known("[toUpper('abc')]")).toBe('ABC');
    expect(known("[replace('a-b-c', '-', '_')]")).toBe('a_b_c');
    expect(known("[string(createObject('a', 1))]")).toBe('{"a":1}');
    expect(known("[join(split('a,b', ','), ';')]")).toBe('a;b');
    expect(known("[substring('abcdef', 1, 3)]")).toBe('bcd');
    expect(known("[ 'it''s' ]")).toBe("it's");
    expect(known('[[not an expression]')).toBe('[not an expression]');
  });

  it('evaluates collections, logic and numbers', () => {
    expect(known("[length(createArray(1, 2, 3))]")).toBe(3);
    expect(known("[first(union(createArray('x'), createArray('x', 'y')))]")).toBe('x');
    expect(known("[last(range(5, 3))]")).toBe(7);
    expect(known("[length(take(createArray(1, 2, 3), 2))]")).toBe(2);
    expect(known("[first(skip(createArray(1, 2, 3), 2))]")).toBe(3);
    expect(known("[contains(createArray('a', 'b'), 'b')]")).toBe(true);
    expect(known("[empty('')]")).toBe(true);
    expect(known("[if(equals(1, 1), 'yes', 'no')]")).toBe('yes');
    expect(known("[and(true, not(false), or(false, true))]")).toBe(true);
    expect(known("[coalesce(null(), 'x')]")).toBe('x');
    expect(known("[json('{\"a\": [1, 2]}').a[1]]")).toBe(2);
    expect(known("[int('42')]")).toBe(42);
    expect(known("[add(2, mul(3, 4))]")).toBe(14);
    expect(known("[createObject('k', 'v').k]")).toBe('v');
    expect(known("[array('x')[0]]")).toBe('x');
  });

  it('evaluates map() and filter() with their lambdas, and says what it cannot know', () => {
    expect(known("[string(map(createArray('a', 'b'), lambda('x', createObject('id', lambdaVariables('x')))))]")).toBe('[{"id":"a"},{"id":"b"}]');
    expect(known("[string(map(createArray('a', 'b'), lambda('x', 'i', concat(lambdaVariables('x'), string(lambdaVariables('i'))))))]")).toBe('["a0","b1"]');
    expect(known("[string(filter(range(1, 5), lambda('n', greater(lambdaVariables('n'), 3))))]")).toBe('[4,5]');
    expect(known("[length(map(createArray(), lambda('x', lambdaVariables('x'))))]")).toBe(0);
    const fromUnknown = evaluate("[map(parameters('ids'), lambda('x', lambdaVariables('x')))]", { parameters: { ids: { type: 'array' } } });
    expect(fromUnknown.value).toMatchObject({ kind: 'unknown', dependsOn: ["parameters('ids')"] });
    const unknownCondition = evaluate("[filter(createArray(1, 2), lambda('n', equals(lambdaVariables('n'), parameters('keep'))))]", { parameters: { keep: { type: 'int' } } });
    expect(unknownCondition.value).toMatchObject({ kind: 'unknown', dependsOn: ["parameters('keep')"] });
    const outside = evaluate("[lambdaVariables('x')]");
    expect(outside.value?.kind).toBe('unknown');
    expect(outside.problems.map((problem) => problem.message)).toEqual([expect.stringContaining("'lambdaVariables()': names no parameter of a lambda around it")]);
  });

  it("evaluates the template's user-defined functions with the call's values, and nothing of the template's own", () => {
    const functions = [{
      namespace: 'net',
      members: {
        source: { parameters: [{ name: 'env', type: 'string' }], output: { type: 'string', value: "[if(equals(parameters('env'), 'prod'), '10.0.0.0/8', '*')]" } },
        outer: { parameters: [], output: { type: 'string', value: "[parameters('env')]" } },
        forever: { parameters: [{ name: 'n', type: 'int' }], output: { type: 'int', value: "[net.forever(parameters('n'))]" } },
      },
    }];
    const run = (expression: string) => {
      const loaded = load({ $schema: SCHEMA, functions, parameters: { env: { type: 'string', defaultValue: 'prod' } }, resources: [{ type: 'Microsoft.Network/networkSecurityGroups', name: 'nsg', location: expression }] });
      return { value: field(loaded.resources[0]?.body, 'location'), problems: loaded.problems.map((problem) => `${problem.line} ${problem.message.split(' — ')[0]}`) };
    };
    expect(run("[net.source(parameters('env'))]")).toEqual({ value: { kind: 'scalar', value: '10.0.0.0/8', line: 51 }, problems: [] }); // line 51: the call's, not the function's
    expect(run("[NET.Source('dev')]").value).toMatchObject({ kind: 'scalar', value: '*' });
    expect(run('[net.outer()]')).toMatchObject({ value: { kind: 'unknown' }, problems: [expect.stringContaining("parameter 'env' is not declared in the template")] });
    expect(run("[net.source('a', 'b')]")).toMatchObject({ value: { kind: 'unknown' }, problems: [expect.stringContaining("'net.source()': takes 1 argument, given 2")] });
    expect(run('[net.forever(1)]')).toMatchObject({ value: { kind: 'unknown' }, problems: [expect.stringContaining('nest more than')] });
    expect(run('[other.name(1)]')).toMatchObject({ value: { kind: 'unknown' }, problems: [expect.stringContaining("function 'other.name' is not evaluated")] });
  });

  it('builds resource ids from known parts and keeps the deployment scope as a placeholder', () => {
    expect(known("[resourceId('Microsoft.Network/networkSecurityGroups', 'web')]")).toBe('/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Network/networkSecurityGroups/web');
    expect(known("[resourceId('rg2', 'Microsoft.Network/networkSecurityGroups/securityRules', 'web', 'ssh')]")).toBe('/subscriptions/{subscriptionId}/resourceGroups/rg2/providers/Microsoft.Network/networkSecurityGroups/web/securityRules/ssh');
    expect(known("[subscriptionResourceId('Microsoft.Resources/resourceGroups', 'rg')]")).toBe('/subscriptions/{subscriptionId}/providers/Microsoft.Resources/resourceGroups/rg');
  });

  it('leaves what only the deployment knows unknown, with what it depends on', () => {
    expect(evaluate('[resourceGroup().location]').value).toMatchObject({ kind: 'unknown', dependsOn: ['resourceGroup()'] });
    expect(evaluate("[reference(resourceId('Microsoft.Network/publicIPAddresses', 'pip')).ipAddress]").value)
      .toMatchObject({ kind: 'unknown', resource: 'pip' });
    expect(evaluate("[concat(uniqueString('a'), '-x')]").value).toMatchObject({ kind: 'unknown', dependsOn: ["uniqueString('a')"] });
  });

  it('takes a parameter from the given map, else its default, else leaves it unknown', () => {
    const parameters = { given: { type: 'string', defaultValue: 'default' }, defaulted: { type: 'string', defaultValue: '10.0.0.0/8' }, open: { type: 'string' }, port: { type: 'int' } };
    expect(known("[parameters('given')]", { parameters, given: { given: 'from-cli' } })).toBe('from-cli');
    expect(known("[parameters('defaulted')]", { parameters })).toBe('10.0.0.0/8');
    expect(known("[parameters('port')]", { parameters, given: { port: '22' } })).toBe(22);
    expect(evaluate("[parameters('open')]", { parameters }).value).toMatchObject({ kind: 'unknown', dependsOn: ["parameters('open')"] });
    expect(evaluate("[concat(parameters('open'), '/32')]", { parameters }).value).toMatchObject({ kind: 'unknown', dependsOn: ["parameters('open')"] });
  });

  it('evaluates variables, variable copies and refuses cycles', () => {
    const variables = { base: 'web', name: "[concat(variables('base'), '-nsg')]", a: "[variables('b')]", b: "[variables('a')]",
      copy: [{ name: 'ports', count: 3, input: "[add(8080, copyIndex('ports'))]" }] };
    expect(known("[variables('name')]", { variables })).toBe('web-nsg');
    expect(known("[variables('ports')[2]]", { variables })).toBe(8082);
    const cycle = evaluate("[variables('a')]", { variables });
    expect(cycle.value?.kind).toBe('unknown');
    expect(cycle.problems.map((problem) => problem.id)).toContain('iac/invalid-resource');
  });

  it('reports an unknown function once, and an invalid expression as a syntax problem', () => {
    const unknownFunction = evaluate("[concat(frobnicate(1), frobnicate(2))]");
    expect(unknownFunction.value?.kind).toBe('unknown');
    expect(unknownFunction.problems.filter((problem) => problem.id === 'iac/unsupported')).toHaveLength(1);
    const userDefined = evaluate("[contoso.uniqueName('web')]");
    expect(userDefined.value).toMatchObject({ kind: 'unknown', dependsOn: ["contoso.uniqueName('web')"] });
    expect(userDefined.problems).toMatchObject([{ id: 'iac/unsupported', level: 'warning' }]);
    const broken = evaluate("[concat('a', ]");
    expect(broken.value?.kind).toBe('unknown');
    expect(broken.problems[0]).toMatchObject({ id: 'iac/syntax', level: 'error' });
  });
});

describe('ARM template resources', () => {
  it('outputs NSGs with rule lines, and child rules nested and top-level', () => {
    const text = readFileSync(new URL('synthetic-nsg-children.json', corpus), 'utf8');
    const { resources, problems } = armTemplate({ path: 'x.json', text, encoding: 'utf-8' }, new Map());
    expect(problems).toEqual([]);
    expect(resources.map((resource) => [resource.type, resource.address, resource.line])).toEqual([
      ['Microsoft.Network/networkSecurityGroups', 'web-nsg', 5],
      ['Microsoft.Network/networkSecurityGroups/securityRules', 'web-nsg/nested-ssh', 19],
      ['Microsoft.Network/networkSecurityGroups/securityRules', 'web-nsg/top-rdp', 31],
    ]);
    const rules = field(resources[0].body, 'properties', 'securityRules');
    expect(rules?.kind === 'list' && rules.items.map((rule) => rule.line)).toEqual([11]);
    expect(field(resources[0].body, 'resources')).toBeUndefined();
    expect(field(resources[1].body, 'properties', 'destinationPortRange')).toMatchObject({ value: '22', line: 25 });
  });

  it('expands resource copies and property copies, and drops resources whose condition is false', () => {
    const text = readFileSync(new URL('synthetic-copy.json', corpus), 'utf8');
    const loaded = armTemplate({ path: 'x.json', text, encoding: 'utf-8' }, new Map([['deployRules', 'true']]));
    expect(loaded.problems).toEqual([]);
    const addresses = loaded.resources.map((resource) => resource.address);
    expect(addresses).toEqual(['nsg-0', 'nsg-1', 'nsg-0/allow-8000', 'nsg-0/allow-8001']);
    const rules = field(loaded.resources[1].body, 'properties', 'securityRules');
    expect(rules?.kind === 'list' && rules.items.map((rule) => field(rule, 'properties', 'priority'))).toMatchObject([{ value: 100 }, { value: 101 }, { value: 102 }]);
    const withoutRules = armTemplate({ path: 'x.json', text, encoding: 'utf-8' }, new Map([['deployRules', 'false']]));
    expect(withoutRules.resources.map((resource) => resource.address)).toEqual(['nsg-0', 'nsg-1']);
  });

  it('keeps one instance with an unknown index when the count is unknown, and a readable address', () => {
    const { resources } = load({ $schema: SCHEMA, parameters: { n: { type: 'int' } }, resources: [
      { type: 'Microsoft.Network/networkSecurityGroups', name: "[concat('nsg-', copyIndex())]", copy: { name: 'loop', count: "[parameters('n')]" } },
    ] });
    expect(resources.map((resource) => resource.address)).toEqual(["nsg-[copyIndex()]"]);
    expect(field(resources[0].body, 'name')).toMatchObject({ kind: 'unknown', dependsOn: ["parameters('n')"] });
  });

  it('reads nested deployments with inline templates, inner and outer scope', () => {
    const { resources, problems } = load({ $schema: SCHEMA, parameters: { prefix: { type: 'string', defaultValue: 'p' } }, resources: [
      { type: 'Microsoft.Resources/deployments', name: 'inner', properties: { expressionEvaluationOptions: { scope: 'inner' }, parameters: { name: { value: "[concat(parameters('prefix'), '-in')]" } },
        template: { parameters: { name: { type: 'string' } }, resources: [{ type: 'Microsoft.Network/networkSecurityGroups', name: "[parameters('name')]" }] } } },
      { type: 'Microsoft.Resources/deployments', name: 'outer', properties: { template: { resources: [{ type: 'Microsoft.Network/networkSecurityGroups', name: "[concat(parameters('prefix'), '-out')]" }] } } },
      { type: 'Microsoft.Resources/deployments', name: 'linked', properties: { templateLink: { uri: 'https://example.com/t.json' } } },
    ] });
    expect(resources.map((resource) => resource.address)).toEqual(['p-in', 'p-out']);
    expect(problems.map((problem) => problem.id)).toEqual(['iac/unsupported']);
  });
});

describe('ARM template hostile inputs', () => {
  it('reports a JSON syntax error at its line and judges nothing', () => {
    const loaded = load(`{\n  "$schema": "${SCHEMA}",\n  "resources": [\n    { "type": }\n  ]\n}`);
    expect(loaded.resources).toEqual([]);
    expect(loaded.problems).toMatchObject([{ id: 'iac/syntax', line: 4, level: 'error' }]);
  });

  it('reads the template a Blueprint artifact wraps in properties.template; a file of the schema without a template is an error, never a clean pass', () => {
    const template = { $schema: SCHEMA, resources: [{ type: 'Microsoft.Network/networkSecurityGroups', name: 'nsg', properties: { securityRules: [{ name: 'rdp', properties: { protocol: 'Tcp', sourcePortRange: '*', destinationPortRange: '3389', sourceAddressPrefix: '*', destinationAddressPrefix: '*', access: 'Allow', priority: 100, direction: 'Inbound' } }] } }] };
    const artifact = load({ kind: 'template', type: 'Microsoft.Blueprint/blueprints/artifacts', name: 'nsg', properties: { template, parameters: {} } });
    expect(artifact.problems).toEqual([]);
    expect(artifact.resources.map((resource) => resource.address)).toEqual(['nsg']);
    const empty = load({ $schema: SCHEMA, properties: { note: `see ${SCHEMA}` } });
    expect(empty.resources).toEqual([]);
    expect(empty.problems).toMatchObject([{ id: 'iac/syntax', level: 'error', line: 1 }]);
  });

  it('refuses deep JSON nesting without overflowing the stack', () => {
    const loaded = load(`{"$schema": "${SCHEMA}", "resources": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    expect(loaded.problems).toMatchObject([{ id: 'iac/syntax' }]);
  });

  it('caps copy counts and expression depth', () => {
    const huge = load({ $schema: SCHEMA, resources: [{ type: 'Microsoft.Network/networkSecurityGroups', name: "[concat('n', copyIndex())]", copy: { name: 'l', count: 1e9 } }] });
    expect(huge.resources).toHaveLength(1000);
    expect(huge.problems).toMatchObject([{ id: 'iac/unsupported', level: 'error' }]);
    const deep = evaluate(`[${'not('.repeat(5000)}true${')'.repeat(5000)}]`);
    expect(deep.value?.kind).toBe('unknown');
    expect(deep.problems).toMatchObject([{ id: 'iac/unsupported' }]);
  });

  it('stops a template that expands past its budget of values', () => {
    const input = { name: 'r', properties: { a: "[range(0, 10000)]" } };
    const loaded = load({ $schema: SCHEMA, resources: [{ type: 'Microsoft.Network/networkSecurityGroups', name: "[concat('n', copyIndex())]", copy: { name: 'l', count: 1000 },
      properties: { copy: [{ name: 'securityRules', count: 1000, input }] } }] });
    expect(loaded.problems.some((problem) => problem.id === 'iac/unsupported' && problem.level === 'error')).toBe(true);
  });

  it('judges a large template without copy loops whole: the budget grows with the file', () => {
    const rule = { name: 'r', properties: { protocol: 'Tcp', sourcePortRange: '*', destinationPortRange: '22', sourceAddressPrefix: '*', destinationAddressPrefix: '*', access: 'Allow', priority: 100, direction: 'Inbound' } };
    const resources = Array.from({ length: 300 }, (_, index) => ({ type: 'Microsoft.Network/networkSecurityGroups', name: `nsg-${index}`, properties: { securityRules: Array.from({ length: 100 }, () => rule) } }));
    const loaded = load({ $schema: SCHEMA, resources });
    expect(loaded.problems).toEqual([]);
    expect(loaded.resources).toHaveLength(300);
  });

  it('survives a chain of variables longer than the reference depth', () => {
    const variables: Record<string, string> = { v0: 'x' };
    for (let index = 1; index < 5000; index++) variables[`v${index}`] = `[variables('v${index - 1}')]`;
    const result = evaluate("[variables('v4999')]", { variables });
    expect(result.value?.kind).toBe('unknown');
  });

  it('bounds the evaluation depth of variables nested deep that read each other', () => {
    const variables: Record<string, unknown> = { v0: 'x' };
    const nestedDeep = (value: unknown): unknown => Array.from({ length: 58 }).reduce<unknown>((inner) => [inner], value);
    for (let index = 1; index < 200; index++) variables[`v${index}`] = nestedDeep(`[${'if(true, '.repeat(30)}variables('v${index - 1}')${', 1)'.repeat(30)}]`);
    const result = evaluate("[variables('v199')]", { variables });
    expect(result.value?.kind).toBe('list');
    expect(result.problems).toMatchObject([{ id: 'iac/unsupported', level: 'warning' }]);
  });
});

describe('ARM template detection', () => {
  it('claims deploymentTemplate files and nothing else', () => {
    expect(looksLikeArmTemplate('a.json', `{\n  "$schema": "${SCHEMA}",\n "resources": []}`)).toBe(true);
    expect(looksLikeArmTemplate('a.json', '// comment\n{"$schema": "https://schema.management.azure.com/schemas/2018-05-01/subscriptionDeploymentTemplate.json#"}')).toBe(true);
    expect(looksLikeArmTemplate('a.json', '{"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#", "parameters": {}}')).toBe(false);
    expect(looksLikeArmTemplate('a.json', '[{"$schema": "x/deploymentTemplate.json#"}]')).toBe(false);
    for (const name of readdirSync(azureCorpus).filter((file) => file.endsWith('.json'))) {
      expect(looksLikeArmTemplate(name, readFileSync(new URL(name, azureCorpus), 'utf8'))).toBe(false);
    }
  });
});

describe('ARM template corpus', () => {
  const expected: Record<string, [nsgs: number, rules: number]> = {
    'quickstart-security-group-create.json': [1, 0],
    'openshift-01_vnet.json': [2, 0],
    'openshift-04_bootstrap.json': [0, 1],
    'quickstart-vnet-prereq.json': [0, 0],
  };
  for (const [name, [nsgs, rules]] of Object.entries(expected)) {
    it(`loads ${name}`, () => {
      const text = readFileSync(new URL(name, corpus), 'utf8');
      expect(looksLikeArmTemplate(name, text)).toBe(true);
      const { resources, problems } = armTemplate({ path: name, text, encoding: 'utf-8' }, new Map());
      expect(problems.filter((problem) => problem.level === 'error')).toEqual([]);
      expect(resources.filter((resource) => resource.type === 'Microsoft.Network/networkSecurityGroups')).toHaveLength(nsgs);
      expect(resources.filter((resource) => resource.type.endsWith('/securityRules'))).toHaveLength(rules);
      for (const resource of resources) expect((resource.body as IacObject).kind).toBe('object');
    });
  }

  it('keeps the unknown parts of a name readable in the address', () => {
    const text = readFileSync(new URL('openshift-04_bootstrap.json', corpus), 'utf8');
    const { resources } = armTemplate({ path: 'b.json', text, encoding: 'utf-8' }, new Map());
    expect(resources[0].address).toBe("[parameters('baseName')]-nsg/bootstrap_ssh_in");
    const given = armTemplate({ path: 'b.json', text, encoding: 'utf-8' }, new Map([['baseName', 'ocp']]));
    expect(given.resources[0].address).toBe('ocp-nsg/bootstrap_ssh_in');
  });
});
