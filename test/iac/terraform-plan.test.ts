import { describe, expect, it, vi } from 'vitest';
import { terraformPlan } from '../../src/parsers/terraform-plan/plan.js';
import { byAddress, change, field, lineOf, linesOf, plain, planText, readCorpus } from './terraform-plan-support.js';

const load = (text: string, locate?: Parameters<typeof terraformPlan>[1]) => terraformPlan({ path: 'plan.json', text, encoding: 'utf-8' }, locate);

describe('terraform plan: resources and values', () => {
  const text = readCorpus('iac/terraform-plan.synthetic.json');
  const { resources, problems } = load(text);
  const web = byAddress(resources, 'aws_security_group.web');

  it('reads change.after of resource_changes, not planned_values', () => {
    expect(problems).toEqual([]);
    expect(resources.map((resource) => [resource.type, resource.address])).toEqual([['aws_security_group', 'aws_security_group.web']]);
    expect(web.file).toBe('plan.json');
    expect(web.line).toBe(lineOf(text, '"address": "aws_security_group.web"', text.indexOf('"resource_changes"')));
  });

  it('keeps the shape of the HCL front end: ingress is a list of objects, with the line of each value', () => {
    const ingress = field(web.body, 'ingress', 0)!;
    expect(plain(ingress)).toEqual({ cidr_blocks: ['0.0.0.0/0'], from_port: 22, to_port: 22, protocol: 'tcp', ipv6_cidr_blocks: [], prefix_list_ids: [], security_groups: [], self: false, description: '' });
    const afterLine = lineOf(text, '"after": {', text.indexOf('"resource_changes"'));
    expect(ingress.line).toBe(afterLine);
    expect(field(web.body, 'ingress', 0, 'cidr_blocks', 0)!.line).toBe(afterLine);
  });

  it('makes each value known only after apply an unknown that names the resource attribute', () => {
    expect(plain(field(web.body, 'id'))).toEqual({ unknown: ['aws_security_group.web.id (known after apply)'] });
    expect(field(web.body, 'arn')!.line).toBe(lineOf(text, '"after_unknown"'));
    // after_unknown: false is a known value; a mark under a known value changes nothing.
    expect(field(web.body, 'vpc_id')).toBeUndefined();
    expect(plain(field(web.body, 'ingress', 0, 'cidr_blocks'))).toEqual(['0.0.0.0/0']);
  });
});

describe('terraform plan: actions', () => {
  const sg = (address: string, actions: string[], mode = 'managed') => change(address, 'aws_security_group', { name: address, ingress: [] }, { actions, mode });

  it('judges what exists after apply: created, updated, replaced, unchanged; not what is deleted or read', () => {
    const { resources, problems } = load(planText([
      sg('aws_security_group.created', ['create']),
      sg('aws_security_group.updated', ['update']),
      sg('aws_security_group.replaced', ['delete', 'create']),
      sg('aws_security_group.replaced_first', ['create', 'delete']),
      sg('aws_security_group.kept', ['no-op']),
      sg('aws_security_group.deleted', ['delete']),
      sg('aws_security_group.forgotten', ['forget']),
      sg('data.aws_security_group.read', ['read'], 'data'),
      change('aws_security_group.gone', 'aws_security_group', null, { actions: ['delete'] }),
      change('aws_security_group.null_after', 'aws_security_group', null, { actions: ['update'] }),
      change('aws_instance.web', 'aws_instance', { ami: 'x' }),
    ]));
    expect(problems).toEqual([]);
    expect(resources.map((resource) => resource.address)).toEqual([
      'aws_security_group.created', 'aws_security_group.updated', 'aws_security_group.replaced', 'aws_security_group.replaced_first', 'aws_security_group.kept',
    ]);
  });

  it('reads every type of the issue, and only those', () => {
    const types = ['aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule', 'azurerm_network_security_group', 'azurerm_network_security_rule', 'azurerm_network_manager_admin_rule_collection', 'azurerm_network_manager_admin_rule', 'google_compute_firewall'];
    const { resources } = load(planText([...types, 'aws_network_acl', 'azurerm_firewall'].map((type) => change(`${type}.x`, type, { name: 'x' }))));
    expect(resources.map((resource) => resource.type)).toEqual(types);
  });
});

describe('terraform plan: unknowns and the resources they read', () => {
  const configuration = (resources: unknown[], moduleCalls?: unknown) => ({ configuration: { provider_config: {}, root_module: { resources, ...(moduleCalls ? { module_calls: moduleCalls } : {}) } } });
  const rule = (address: string, moduleAddress?: string) => change(address, 'aws_security_group_rule', { type: 'ingress', from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'], description: null }, { afterUnknown: { id: true, security_group_id: true, cidr_blocks: [false] }, moduleAddress });
  const ruleConfig = (references: string[], extra: Record<string, unknown> = {}) => ({ address: 'aws_security_group_rule.ssh', mode: 'managed', type: 'aws_security_group_rule', name: 'ssh', expressions: { security_group_id: { references }, ...extra } });

  it('names the resource a rule attaches to from the configuration\'s references', () => {
    const { resources } = load(planText([rule('aws_security_group_rule.ssh')], configuration([ruleConfig(['aws_security_group.app.id', 'aws_security_group.app'])])));
    const body = resources[0].body;
    expect(plain(field(body, 'security_group_id'))).toEqual({ unknown: ['aws_security_group.app.id (known after apply)'], resource: 'aws_security_group.app' });
    // Attributes the code does not set are left out, as in HCL: a null one, and one the provider computes.
    expect(body.fields.has('description')).toBe(false);
    expect(body.fields.has('id')).toBe(false);
  });

  it('keeps the instance key a reference names, and every root a value depends on', () => {
    const { resources } = load(planText([rule('aws_security_group_rule.ssh')], configuration([ruleConfig(['aws_security_group.app[0].id', 'aws_security_group.app[0]', 'aws_security_group.app', 'var.suffix'])])));
    expect(plain(field(resources[0].body, 'security_group_id'))).toEqual({
      unknown: ['aws_security_group.app[0].id (known after apply)', 'var.suffix (known after apply)'],
      resource: 'aws_security_group.app[0]',
    });
  });

  it('names a data source or variable without taking it for a resource', () => {
    const { resources } = load(planText([rule('aws_security_group_rule.ssh')], configuration([ruleConfig(['data.aws_security_group.shared.id', 'data.aws_security_group.shared'])])));
    expect(plain(field(resources[0].body, 'security_group_id'))).toEqual({ unknown: ['data.aws_security_group.shared.id (known after apply)'] });
  });

  it('reads references of a module instance relative to it, and names resources with the module address', () => {
    const moduleCalls = {
      net: {
        source: './modules/net',
        module: { resources: [ruleConfig(['aws_security_group.this.id', 'aws_security_group.this']), { address: 'aws_security_group.this', mode: 'managed', type: 'aws_security_group', name: 'this', expressions: {} }] },
      },
    };
    const address = 'module.net["eu"].aws_security_group_rule.ssh[0]';
    const { resources } = load(planText([rule(address, 'module.net["eu"]')], configuration([], moduleCalls)));
    expect(resources[0].address).toBe(address);
    expect(plain(field(resources[0].body, 'security_group_id'))).toEqual({
      unknown: ['module.net["eu"].aws_security_group.this.id (known after apply)'],
      resource: 'module.net["eu"].aws_security_group.this',
    });
  });

  it('finds the module of an instance from its address when the plan has no module_address (Terraform 0.12)', () => {
    const moduleCalls = { a: { module: { module_calls: { b: { module: { resources: [ruleConfig(['var.group_id'])] } } } } } };
    const { resources } = load(planText([rule('module.a[0].module.b.aws_security_group_rule.ssh')], configuration([], moduleCalls)));
    expect(plain(field(resources[0].body, 'security_group_id'))).toEqual({ unknown: ['var.group_id in module.a[0].module.b (known after apply)'] });
  });

  it('reads a nested unknown, and the references of a block only when the block can be matched', () => {
    const sg = change('aws_security_group.web', 'aws_security_group', {
      ingress: [{ from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: [null, '10.0.0.0/8'], security_groups: [] }],
      egress: [{ cidr_blocks: [null] }, { cidr_blocks: [null] }],
    }, { afterUnknown: { ingress: [{ cidr_blocks: [true, false] }], egress: [{ cidr_blocks: [true] }, { cidr_blocks: [true] }] } });
    const config = { address: 'aws_security_group.web', mode: 'managed', type: 'aws_security_group', name: 'web', expressions: {
      ingress: [{ cidr_blocks: { references: ['aws_vpc.main.cidr_block', 'aws_vpc.main'] } }],
      egress: [{ cidr_blocks: { references: ['var.a'] } }, { cidr_blocks: { references: ['var.b'] } }],
    } };
    const { resources } = load(planText([sg], configuration([config])));
    const body = resources[0].body;
    // The whole expression is `[aws_vpc.main.cidr_block]`: Terraform records references per attribute, not per item.
    expect(plain(field(body, 'ingress', 0, 'cidr_blocks'))).toEqual([{ unknown: ['aws_vpc.main.cidr_block (known after apply)'], resource: 'aws_vpc.main' }, '10.0.0.0/8']);
    // Two blocks in a set: which configured block each is cannot be told, so each unknown names its own path.
    expect(plain(field(body, 'egress', 1, 'cidr_blocks', 0))).toEqual({ unknown: ['aws_security_group.web.egress[1].cidr_blocks[0] (known after apply)'] });
  });

  it('makes a whole list unknown when after_unknown marks it so, even where after has none', () => {
    const sg = change('aws_security_group.web', 'aws_security_group', { name: 'web' }, { afterUnknown: { ingress: true, egress: [{ cidr_blocks: true }] } });
    const { resources } = load(planText([sg]));
    expect(plain(field(resources[0].body, 'ingress'))).toEqual({ unknown: ['aws_security_group.web.ingress (known after apply)'] });
    expect(plain(field(resources[0].body, 'egress'))).toEqual({ unknown: ['aws_security_group.web.egress (known after apply)'] });
  });
});

describe('terraform plan: locate()', () => {
  const text = planText([
    change('aws_security_group.web', 'aws_security_group', { ingress: [{ from_port: 22, cidr_blocks: ['0.0.0.0/0'] }] }, { afterUnknown: { id: true } }),
    change('aws_security_group.per_env["prod"]', 'aws_security_group', { ingress: [] }),
    change('aws_security_group.elsewhere', 'aws_security_group', { ingress: [] }),
  ]);

  it('puts a resource declared in a .tf file, and every value of it, at its resource block', () => {
    const locate = vi.fn((address: string) => ({
      'aws_security_group.web': { file: 'main.tf', line: 12 },
      'aws_security_group.per_env': { file: 'envs.tf', line: 3 },
    })[address]);
    const { resources } = load(text, locate);
    const web = byAddress(resources, 'aws_security_group.web');
    expect([web.file, web.line]).toEqual(['main.tf', 12]);
    expect(new Set(linesOf(web.body))).toEqual(new Set([12]));
    expect(field(web.body, 'id')!.line).toBe(12);
    // An instance is declared by its resource block: asked by its own address first, then without the key.
    const prod = byAddress(resources, 'aws_security_group.per_env["prod"]');
    expect([prod.file, prod.line]).toEqual(['envs.tf', 3]);
    expect(locate).toHaveBeenCalledWith('aws_security_group.per_env["prod"]');
    expect(locate).toHaveBeenCalledWith('aws_security_group.per_env');
    const elsewhere = byAddress(resources, 'aws_security_group.elsewhere');
    expect([elsewhere.file, elsewhere.line]).toEqual(['plan.json', lineOf(text, '"address": "aws_security_group.elsewhere"')]);
  });

  it('keeps the plan\'s own lines without locate()', () => {
    const web = byAddress(load(text).resources, 'aws_security_group.web');
    expect(web.file).toBe('plan.json');
    expect(field(web.body, 'ingress', 0, 'from_port')!.line).toBe(lineOf(text, '"from_port": 22'));
  });
});

describe('terraform plan: real plans from public repositories', () => {
  it.each([
    ['compliance-sgr.plan.json', ['aws_security_group.allow_tls', 'aws_security_group_rule.allow_all']],
    ['compliance-sg-inline.plan.json', ['aws_security_group.allow_tls_ingress_inline']],
  ])('%s loads with no problem', (name, addresses) => {
    const { resources, problems } = load(readCorpus(`iac/terraform-plan/${name}`));
    expect(problems).toEqual([]);
    expect(resources.map((resource) => resource.address)).toEqual(addresses);
    for (const resource of resources) expect(resource.line).toBe(1);
  });

  it('reads a real plan as HCL reads the code: attributes the code does not set are left out, unknown blocks kept', () => {
    const { resources } = load(readCorpus('iac/terraform-plan/compliance-sgr.plan.json'));
    const rule = byAddress(resources, 'aws_security_group_rule.allow_all');
    // id and source_security_group_id are known after apply, but the code sets neither: the provider computes them.
    expect(plain(rule.body)).toEqual({ cidr_blocks: ['0.0.0.0/0'], from_port: 0, protocol: 'tcp', security_group_id: 'sg-123456', self: false, to_port: 65535, type: 'ingress' });
    const group = byAddress(resources, 'aws_security_group.allow_tls');
    expect(plain(field(group.body, 'egress'))).toEqual({ unknown: ['aws_security_group.allow_tls.egress (known after apply)'] });
    expect(group.body.fields.has('arn')).toBe(false);
    expect(plain(field(group.body, 'ingress', 0, 'cidr_blocks'))).toEqual(['0.0.0.0/0']);
  });
});
