import type { IacValue } from '../iac/value.js';
import { scalar } from '../iac/value.js';
import { attribute, evaluate, malformed, reference } from './evaluate.js';
import type { TemplateScope } from './scope.js';
import type { TemplateMap, TemplateNode } from './template-node.js';
import { textOf, unknownFrom } from './values.js';

/**
 * Fn::Sub, `'text ${Name} ${Res.Attr} ${!Literal}'` or `[text, { Name: value }]`: a string when every part is known;
 * otherwise unknown, depending on each unknown part (and naming the resource when the whole is one reference to it).
 */
export function evaluateSub(argument: TemplateNode, line: number, scope: TemplateScope): IacValue {
  let template: string;
  let variables: TemplateMap | undefined;
  if (argument.kind === 'scalar' && typeof argument.value === 'string') template = argument.value;
  else if (argument.kind === 'list' && argument.items.length === 2 && argument.items[0].kind === 'scalar' && typeof argument.items[0].value === 'string' && argument.items[1].kind === 'map') {
    template = argument.items[0].value;
    variables = argument.items[1];
  } else return malformed('Fn::Sub', line, scope);

  const parts: Array<string | IacValue> = [];
  const resolved = new Map<string, IacValue | undefined>();
  let position = 0;
  for (;;) {
    const start = template.indexOf('${', position);
    const end = start < 0 ? -1 : template.indexOf('}', start + 2);
    if (end < 0) {
      parts.push(template.slice(position));
      break;
    }
    parts.push(template.slice(position, start));
    const name = template.slice(start + 2, end);
    if (name.startsWith('!')) parts.push(`\${${name.slice(1)}}`);
    else {
      if (!resolved.has(name)) resolved.set(name, variable(name.trim(), variables, line, scope));
      const value = resolved.get(name);
      if (value === undefined) return malformed('Fn::Sub', line, scope);
      parts.push(value);
    }
    position = end + 1;
  }

  const values = parts.filter((part): part is IacValue => typeof part !== 'string');
  const unknowns = values.filter((value) => value.kind === 'unknown');
  if (unknowns.length > 0) {
    const alone = parts.length === 3 && parts[0] === '' && parts[2] === '' && unknowns.length === 1;
    return alone ? { ...unknowns[0], line } : unknownFrom(line, unknowns);
  }
  const texts = parts.map((part) => (typeof part === 'string' ? part : textOf(part)));
  if (texts.some((text) => text === undefined)) return malformed('Fn::Sub', line, scope);
  return scalar(texts.join(''), line);
}

function variable(name: string, variables: TemplateMap | undefined, line: number, scope: TemplateScope): IacValue | undefined {
  const given = variables?.entries.get(name);
  if (given) return evaluate(given.value, scope);
  const dot = name.indexOf('.');
  if (dot > 0 && !scope.isParameter(name) && !name.startsWith('AWS::')) return attribute(name.slice(0, dot), name.slice(dot + 1), line, scope);
  return reference(name, line, scope);
}
