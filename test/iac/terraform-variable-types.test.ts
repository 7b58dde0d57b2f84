import { describe, expect, test } from 'vitest';
import { file, load, plain } from './terraform-helpers.js';

/**
 * A variable's value converted to its declared type, as Terraform converts it: recorded with `terraform console`
 * (Terraform v1.11.4, linux_amd64) as `jsonencode(EXPRESSION)` in a module declaring `variable "x" { type = TYPE;
 * default = DEFAULT }`. REJECTED is a value Terraform refuses ("Invalid default value for variable", "Invalid index"):
 * Parapet must judge it unknown and say so, never give it a value.
 */
const REJECTED = Symbol('rejected');

const AS_TERRAFORM: [type: string, value: string, expression: string, expected: unknown][] = [
  // Optional attributes take their default where the value leaves them out or sets them to null.
  ['list(object({ port = number, cidr = optional(string, "10.0.0.0/8") }))', '[{ port = 22 }, { port = "3389", cidr = "0.0.0.0/0" }]', 'var.x', [{ port: 22, cidr: '10.0.0.0/8' }, { port: 3389, cidr: '0.0.0.0/0' }]],
  ['list(object({ port = number, cidr = optional(string) }))', '[{ port = 22 }]', 'var.x', [{ port: 22, cidr: null }]],
  ['list(object({ port = number, cidr = optional(string, "a") }))', '[{ port = 22, cidr = null }]', 'var.x', [{ port: 22, cidr: 'a' }]],
  ['map(object({ cidr = optional(string, "10.0.0.0/8") }))', '{ a = {}, b = { cidr = "1.2.3.4/32" } }', 'var.x', { a: { cidr: '10.0.0.0/8' }, b: { cidr: '1.2.3.4/32' } }],
  ['object({ a = optional(object({ b = optional(number, 5) }), {}) })', '{}', 'var.x', { a: { b: 5 } }],
  ['object({ a = optional(list(string), ["0.0.0.0/0"]) })', '{}', 'var.x', { a: ['0.0.0.0/0'] }],
  // A required attribute must be there; one the type does not name is dropped.
  ['list(object({ port = number, cidr = string }))', '[{ port = 22 }]', 'var.x', REJECTED],
  ['list(object({ port = number }))', '[{ port = 22, extra = "y" }]', 'var.x', [{ port: 22 }]],
  // Sets drop repeats, take Terraform's order, key each element by itself, and have no indexes.
  ['set(string)', '["b", "a", "b"]', 'var.x', ['a', 'b']],
  ['set(number)', '[10, 9, 10]', '[for k, v in var.x : k]', [9, 10]],
  ['set(string)', '["b", "a"]', '{for k, v in var.x : k => v}', { a: 'a', b: 'b' }],
  ['set(string)', '["b", "a"]', 'var.x[0]', REJECTED],
  ['set(string)', '["b", "a"]', 'tolist(var.x)[0]', 'a'],
  ['set(string)', '[]', 'var.x', []],
  // Primitive conversions.
  ['list(string)', '[22, true]', 'var.x', ['22', 'true']],
  ['list(number)', '["22", 80]', 'var.x', [22, 80]],
  ['list(number)', '["x"]', 'var.x', REJECTED],
  ['number', '"22"', 'var.x', 22],
  ['string', '22', 'var.x', '22'],
  ['string', '["a"]', 'var.x', REJECTED],
  ['bool', '"true"', 'var.x', true],
  ['bool', '1', 'var.x', REJECTED],
  ['map(string)', '{ a = 1, b = "x" }', 'var.x', { a: '1', b: 'x' }],
  ['map(number)', '{ a = "1" }', 'var.x', { a: 1 }],
  ['tuple([string, number])', '[1, "2"]', 'var.x', ['1', 2]],
  ['tuple([string, number])', '[1]', 'var.x', REJECTED],
  ['any', '[1, "a"]', 'var.x', [1, 'a']],
  ['list(any)', '[1, 2]', 'var.x', [1, 2]],
  ['list', '[1]', 'var.x', [1]],
  ['map', '{a = 1}', 'var.x', { a: 1 }],
  ['list(string)', 'null', 'var.x', null],
  ['string', 'null', 'var.x', null],
];

describe("a variable's value has its declared type, as Terraform gives it", () => {
  test.each(AS_TERRAFORM)('%s = %s: %s', async (type, value, expression, expected) => {
    const { resources, problems } = await load(`variable "x" {\n  type    = ${type}\n  default = ${value}\n}\nresource "aws_security_group" "f" {\n  v = ${expression}\n}\n`);
    const got = plain(resources[0].body.fields.get('v'));
    if (expected === REJECTED) {
      expect(got).toMatchObject({ unknown: expect.any(Array) });
      expect(problems.map((problem) => problem.id)).toEqual(['iac/unsupported']);
    } else {
      expect(got).toEqual(expected);
      expect(problems).toEqual([]);
    }
  });

  test('a variable file is converted too', async () => {
    const type = 'list(object({ port = number, cidr = optional(string, "10.0.0.0/8") }))';
    const given = await load(`variable "x" {\n  type = ${type}\n}\nresource "aws_security_group" "f" {\n  v = var.x\n}\n`, { varFiles: [file('x.tfvars', 'x = [{ port = "22" }]\n')] });
    expect(plain(given.resources[0].body.fields.get('v'))).toEqual([{ port: 22, cidr: '10.0.0.0/8' }]);
    const refused = await load('variable "x" {\n  type = list(number)\n}\nresource "aws_security_group" "f" {\n  v = var.x\n}\n', { varFiles: [file('x.tfvars', 'x = ["nope"]\n')] });
    expect(plain(refused.resources[0].body.fields.get('v'))).toMatchObject({ unknown: ['var.x'] });
    expect(refused.problems).toMatchObject([{ id: 'iac/unsupported', file: 'x.tfvars', message: expect.stringContaining('var.x') }]);
  });

  test('the JSON syntax writes the type as a string of HCL', async () => {
    const json = { variable: { x: { type: 'list(object({ port = number, cidr = optional(string, "10.0.0.0/8") }))', default: [{ port: 22 }] } } };
    const { resources, problems } = await load('resource "aws_security_group" "f" {\n  v = var.x\n}\n', { files: [file('variables.tf.json', JSON.stringify(json))] });
    expect(problems).toEqual([]);
    expect(plain(resources[0].body.fields.get('v'))).toEqual([{ port: 22, cidr: '10.0.0.0/8' }]);
  });
});
