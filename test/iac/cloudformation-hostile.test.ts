import { describe, expect, it } from 'vitest';
import { load } from './cloudformation-helpers.js';

const GROUP = 'Resources:\n  Sg:\n    Type: AWS::EC2::SecurityGroup\n';

function expectSyntaxError(text: string, line?: number) {
  const result = load(text);
  expect(result.resources).toEqual([]);
  expect(result.problems).toHaveLength(1);
  expect(result.problems[0]).toMatchObject({ id: 'iac/syntax', level: 'error' });
  if (line !== undefined) expect(result.problems[0].line).toBe(line);
  expect(result.problems[0].message.length).toBeLessThan(300);
  return result.problems[0];
}

describe('hostile and broken CloudFormation templates', () => {
  it('refuses an alias bomb without expanding it', () => {
    const levels = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
    for (let level = 1; level < 10; level++) levels.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(9).fill(`*${String.fromCharCode(96 + level)}`).join(', ')}]`);
    const started = Date.now();
    const problem = expectSyntaxError(`Metadata:\n  ${levels.join('\n  ')}\n${GROUP}    Properties:\n      Tags: *j\n`);
    expect(problem.message).toContain('alias');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('refuses an anchor that refers to itself', () => {
    expectSyntaxError(`${GROUP}    Properties:\n      Tags: &loop [*loop]\n`, 5);
  });

  it('refuses deep nesting, in flow and in aliases, without overflowing the stack', () => {
    expectSyntaxError(`${GROUP}    Properties:\n      Tags: ${'['.repeat(200_000)}${']'.repeat(200_000)}\n`, 5);
    expectSyntaxError(`{"Resources": ${'{"a": '.repeat(50_000)}1${'}'.repeat(50_000)}}`, 1);
    let chain = 'Metadata:\n  x0: &x0 [1]\n';
    for (let level = 1; level <= 200; level++) chain += `  x${level}: &x${level} [*x${level - 1}]\n`;
    expectSyntaxError(`${chain}${GROUP}`);
  });

  it('follows no condition chain deep enough to overflow the stack', () => {
    let conditions = 'Conditions:\n  C0: !Equals [a, a]\n';
    for (let index = 1; index <= 20_000; index++) conditions += `  C${index}: !Condition C${index - 1}\n`;
    const result = load(`${conditions}Resources:\n  Sg: {Type: AWS::EC2::SecurityGroup, Condition: C20000}\n`);
    expect(result.resources.map((r) => r.address)).toEqual(['Sg']);
    expect(result.problems.length).toBeGreaterThan(0);
  });

  it('refuses 50 MB of nothing as too large for a template, without parsing it', () => {
    const result = load('\n'.repeat(50 * 1024 * 1024));
    expect(result).toMatchObject({ resources: [], problems: [{ id: 'input/too-large', level: 'error' }] });
  });

  it.each([
    ['spaces', ' '],
    ['newlines', '\n'],
    ['comment lines', '#\n'],
    ['letters', 'x'],
  ])('reads 2 MB of %s as no template, quickly', (_, character) => {
    const started = Date.now();
    expectSyntaxError(character.repeat((2 * 1024 * 1024) / character.length));
    expect(Date.now() - started).toBeLessThan(20_000);
  }, 30_000);

  it('reads a template with 2 MB of blank lines inside it', () => {
    const result = load(`${GROUP}${'\n'.repeat(2 * 1024 * 1024 - 200)}    Properties: {GroupName: x}\n`);
    expect(result.problems).toEqual([]);
    expect(result.resources[0].body.fields.get('GroupName')?.line).toBeGreaterThan(2_000_000);
  }, 30_000);

  it.each([
    ['a duplicate key', `${GROUP}    Type: AWS::EC2::SecurityGroup\n`, 4],
    ['a duplicate key in JSON', '{\n "Resources": {},\n "Resources": {}\n}\n', 3],
    ['two documents', `${GROUP}---\n${GROUP}`, 4],
    ['a tab as indentation', `Resources:\n  Sg:\n\tType: AWS::EC2::SecurityGroup\n`, 3],
    ['an unknown tag', `${GROUP}    Properties:\n      GroupName: !Reference x\n`, 5],
    ['an unclosed flow sequence', `${GROUP}    Properties:\n      Tags: [a, b\n`, undefined],
    ['a key that is a list', `${GROUP}    Properties:\n      ? [a]\n      : b\n`, 5],
    ['an empty file', '', 1],
  ])('refuses %s, and judges nothing of the template', (_, text, line) => {
    expectSyntaxError(text, line);
  });

  it('quotes no long input line in a message', () => {
    const problem = expectSyntaxError(`${GROUP}    Properties:\n      GroupName: !${'X'.repeat(5000)} x\n`);
    expect(problem.message).not.toContain('X'.repeat(100));
  });
});
