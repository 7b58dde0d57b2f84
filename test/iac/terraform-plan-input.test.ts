import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { looksLikeTerraformPlan } from '../../src/parsers/terraform-plan/detect.js';
import { terraformPlan } from '../../src/parsers/terraform-plan/plan.js';
import { change, corpusUrl, field, plain, planText, readCorpus } from './terraform-plan-support.js';

const load = (text: string) => terraformPlan({ path: 'plan.json', text, encoding: 'utf-8' });
const head = (text: string) => text.slice(0, 64 * 1024);

describe('terraform plan: detection', () => {
  it.each(['iac/terraform-plan.synthetic.json', 'iac/terraform-plan/compliance-sgr.plan.json', 'iac/terraform-plan/compliance-sg-inline.plan.json'])('claims %s', (name) => {
    expect(looksLikeTerraformPlan(name, head(readCorpus(name)))).toBe(true);
  });

  it.each(['aws', 'azure', 'gcp'])('never claims the %s exports', (cloud) => {
    const names = readdirSync(corpusUrl(cloud)).filter((name) => !name.endsWith('.md'));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect([name, looksLikeTerraformPlan(name, head(readCorpus(`${cloud}/${name}`)))]).toEqual([name, false]);
  });

  it('does not claim a state, a .tf.json module, or a plan quoted in another document', () => {
    expect(looksLikeTerraformPlan('show.json', '{"format_version":"1.0","terraform_version":"1.9.5","values":{"root_module":{}}}')).toBe(false);
    expect(looksLikeTerraformPlan('terraform.tfstate', '{"version":4,"terraform_version":"1.9.5","serial":3,"resources":[]}')).toBe(false);
    expect(looksLikeTerraformPlan('main.tf.json', '{"resource":{"aws_security_group":{"web":{"ingress":[]}}}}')).toBe(false);
    expect(looksLikeTerraformPlan('notes.md', '# plan\n{"format_version":"1.2","terraform_version":"1.9.5","resource_changes":[]}')).toBe(false);
    expect(looksLikeTerraformPlan('plan.json', '  \n{"format_version":"1.2","terraform_version":"1.9.5","planned_values":{}}')).toBe(true);
  });
});

describe('terraform plan: syntax errors', () => {
  const good = change('aws_security_group.first', 'aws_security_group', { ingress: [] });
  const text = planText([good, change('aws_security_group.second', 'aws_security_group', { ingress: [] })]);

  it('says where the JSON breaks, and judges the resources read whole before it', () => {
    const broken = text.replace('"address": "aws_security_group.second"', '"address": "aws_security_group.second",,');
    const line = broken.split('\n').findIndex((text) => text.includes('second",,')) + 1;
    const { resources, problems } = load(broken);
    expect(problems).toEqual([expect.objectContaining({ id: 'iac/syntax', level: 'error', file: 'plan.json', line })]);
    expect(problems[0].message).toMatch(/^not valid JSON: a property name in double quotes is expected; .* — write it again with terraform show -json/);
    expect(resources.map((resource) => resource.address)).toEqual(['aws_security_group.first']);
  });

  it('says a truncated file ends early', () => {
    const { problems } = load(text.slice(0, text.length - 40));
    expect(problems).toEqual([expect.objectContaining({ id: 'iac/syntax', line: text.slice(0, text.length - 40).split('\n').length })]);
    expect(problems[0].message).toMatch(/the JSON ends early/);
  });

  it.each([
    ['', /empty file/],
    ['{"a": 01}', /malformed number/],
    ['{"a": tru}', /a value is expected/],
    ['{"a": "x\\qy"}', /invalid escape/],
    ['{"a": "x\ny"}', /control character in a string/],
    ['{"a": 1} {}', /text after the end/],
    ['{"a": 1,}', /a property name/],
    ['{"a": [1,]}', /a value is expected/],
    ['{"a": NaN}', /a value is expected/],
  ])('rejects %j as JSON.parse does', (input, reason) => {
    const { resources, problems } = load(input);
    expect(resources).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ id: 'iac/syntax', level: 'error' });
    expect(problems[0].message).toMatch(reason);
    if (input.trim() !== '') expect(() => JSON.parse(input)).toThrow();
  });

  it.each([
    ['[]', /^not a Terraform plan: an object is expected here, not a list;/],
    ['{"resource_changes": {}}', /^not a Terraform plan: a list is expected here, not an object;/],
    ['{"resource_changes": [3]}', /^not a Terraform plan: an object is expected here, not a single value;/],
  ])('says %j is JSON but not a plan', (input, message) => {
    const { problems } = load(input);
    expect(problems).toEqual([expect.objectContaining({ id: 'iac/syntax', level: 'error', line: 1 })]);
    expect(problems[0].message).toMatch(message);
  });

  it('reads what JSON.parse reads: escapes, numbers, duplicate keys (the last wins), BOM-less UTF-8', () => {
    const input = '{"resource_changes":[{"address":"aws_security_group.\\u0077eb","type":"aws_security_group","mode":"managed","name":"web","change":{"actions":["create"],"after":{"ingress":[{"from_port":2.2e1,"to_port":-0,"description":"caf\\u00e9 \\ud83d\\ude00 \\"q\\"","from_port":22}]}}}]}';
    const { resources, problems } = load(input);
    expect(problems).toEqual([]);
    expect(resources[0].address).toBe('aws_security_group.web');
    expect(plain(field(resources[0].body, 'ingress', 0))).toEqual(JSON.parse(input).resource_changes[0].change.after.ingress[0]);
  });
});

describe('terraform plan: the plan says it is partial', () => {
  it('warns when Terraform stopped planning on an error, or deferred changes', () => {
    const { resources, problems } = load(planText([change('aws_security_group.web', 'aws_security_group', { ingress: [] })], { errored: true, complete: false }));
    expect(resources).toHaveLength(1);
    expect(problems.map((problem) => [problem.id, problem.level])).toEqual([['iac/unsupported', 'warning'], ['iac/unsupported', 'warning']]);
    expect(problems[0].message).toMatch(/^the plan is partial/);
    expect(problems[1].message).toMatch(/^the plan is incomplete/);
  });

  it('warns of a format it does not know', () => {
    const { problems } = load(planText([], { format_version: '2.0' }));
    expect(problems).toEqual([expect.objectContaining({ id: 'iac/unsupported', level: 'warning' })]);
    expect(problems[0].message).toMatch(/format_version '2.0' is newer/);
  });
});

describe('terraform plan: hostile input', () => {
  it('skips nesting of any depth in parts it does not read, without recursion', () => {
    const deep = '['.repeat(9_000) + ']'.repeat(9_000);
    const { problems } = load(`{"prior_state": ${deep}, "resource_changes": []}`);
    expect(problems).toEqual([]);
    const deeper = '['.repeat(200_000);
    const result = load(`{"prior_state": ${deeper}`);
    expect(result.problems).toEqual([expect.objectContaining({ id: 'iac/syntax', line: 1 })]);
    expect(result.problems[0].message).toMatch(/nested more than 10000 deep/);
  });

  it('reads a value nested too deeply in a resource as unknown, never as nothing', () => {
    const deep = '['.repeat(5_000) + ']'.repeat(5_000);
    const text = `{"resource_changes":[{"address":"aws_security_group.web","mode":"managed","type":"aws_security_group","name":"web","change":{"actions":["create"],"after":{"ingress":${deep}}}}]}`;
    const { resources, problems } = load(text);
    expect(problems).toEqual([expect.objectContaining({ id: 'iac/unsupported', level: 'warning' })]);
    let value = field(resources[0].body, 'ingress');
    while (value?.kind === 'list') value = value.items[0];
    expect(value).toMatchObject({ kind: 'unknown', dependsOn: ['a value nested more than 64 deep'] });
  });

  it('quotes an address short, escaped, and never a credential', () => {
    const bad = (address: string) => `{"resource_changes":[{"address":${JSON.stringify(address)},"mode":"managed","type":"aws_security_group","name":"x","change":{"actions":["create"],"after":"not an object"}}]}`;
    const escaped = load(bad(`aws_security_group.x["\u001b[2J${'a'.repeat(500)}"]`)).problems;
    expect(escaped).toEqual([expect.objectContaining({ id: 'iac/invalid-resource', level: 'error' })]);
    expect(escaped[0].message).not.toMatch(/\u001b/);
    expect(escaped[0].message.length).toBeLessThan(300);
    const secret = load(bad('aws_security_group.x["AKIAIOSFODNN7EXAMPLE"]')).problems;
    expect(secret[0].message).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });

  it('bounds the work a long list of references can cause', () => {
    const references = Array.from({ length: 20_000 }, (_, index) => `aws_security_group.g${index}.id`);
    const plan = planText(
      [change('aws_security_group_rule.r', 'aws_security_group_rule', { type: 'ingress' }, { afterUnknown: { security_group_id: true } })],
      { configuration: { root_module: { resources: [{ mode: 'managed', type: 'aws_security_group_rule', name: 'r', expressions: { security_group_id: { references } } }] } } },
    );
    const started = performance.now();
    const { resources } = load(plan);
    expect(performance.now() - started).toBeLessThan(2_000);
    const value = field(resources[0].body, 'security_group_id');
    expect(value).toMatchObject({ kind: 'unknown', resource: 'aws_security_group.g0' });
    expect(value?.kind === 'unknown' && value.dependsOn.length).toBe(50);
  });

  it('keeps keys that are names of Object.prototype as plain keys', () => {
    const { resources } = load('{"resource_changes":[{"address":"aws_security_group.web","mode":"managed","type":"aws_security_group","name":"web","change":{"actions":["create"],"after":{"__proto__":{"x":1},"constructor":2}}}]}');
    expect(plain(resources[0].body)).toEqual(JSON.parse('{"__proto__":{"x":1},"constructor":2}'));
  });

  it('reads a plan of many resources in time linear in its size', () => {
    const many = Array.from({ length: 5_000 }, (_, index) => change(`aws_security_group.g${index}`, 'aws_security_group', { ingress: [{ from_port: 22, to_port: 22, protocol: 'tcp', cidr_blocks: ['0.0.0.0/0'] }] }));
    const other = Array.from({ length: 5_000 }, (_, index) => change(`aws_instance.i${index}`, 'aws_instance', { ami: 'ami-1', tags: { Name: `i${index}` } }));
    const text = planText([...many, ...other]);
    const started = performance.now();
    const { resources, problems } = load(text);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(problems).toEqual([]);
    expect(resources).toHaveLength(5_000);
  });
});
