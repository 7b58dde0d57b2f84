import type { InputFile } from '../../inputs/input-file.js';
import { problemAt } from '../../model/problem.js';
import { quoted } from '../../model/quote.js';
import type { IacLoad } from '../iac/front-end.js';
import type { IacObject, IacResource } from '../iac/value.js';
import { evaluate } from './evaluate.js';
import { withLoopsExpanded } from './for-each.js';
import { readTemplate } from './read-template.js';
import { TemplateScope } from './scope.js';
import { stringOf, type TemplateMap, type TemplateNode } from './template-node.js';

/** The resource types the network model reads; other resources are only names that values may refer to. */
const NETWORK_TYPES = new Set(['AWS::EC2::SecurityGroup', 'AWS::EC2::SecurityGroupIngress', 'AWS::EC2::SecurityGroupEgress', 'AWS::Lightsail::Instance']);
/** Transforms of AWS that add no security group and change none. */
const HARMLESS_TRANSFORMS = /^AWS::(?:Serverless-\d{4}-\d{2}-\d{2}|LanguageExtensions|SecretsManager-\d{4}-\d{2}-\d{2}|CodeDeployBlueGreen)$/;

/**
 * The security groups, their rules and the Lightsail instances of a CloudFormation template (YAML or JSON), their properties evaluated with the
 * template's parameters (`parameters` first, then each Default), mappings and conditions. A template that cannot be
 * read whole yields no resource at all, only the syntax problem.
 */
export function cloudFormationTemplate(file: InputFile, parameters: ReadonlyMap<string, string>): IacLoad {
  const read = readTemplate(file);
  if ('problem' in read) return { resources: [], problems: [read.problem] };
  const root = templateOf(read.root);
  const resources = root.kind === 'map' ? root.entries.get('Resources')?.value : undefined;
  if (root.kind !== 'map' || resources?.kind !== 'map') {
    const message = 'this is not a CloudFormation template: it has no Resources mapping — scan a template, or choose another --type';
    return { resources: [], problems: [problemAt('iac/syntax', { file: file.path, line: root.line }, message)] };
  }
  // The loops are written out first, as the AWS::LanguageExtensions transform does, with the parameters and mappings.
  const unexpanded = new TemplateScope(file.path, root, parameters);
  const template = withLoopsExpanded(root, unexpanded);
  const scope = new TemplateScope(file.path, template, parameters);
  scope.problems.push(...unexpanded.problems);
  warnOfMacros(template, scope);
  const found: IacResource[] = [];
  for (const [id, { keyLine, value }] of (template.entries.get('Resources')!.value as TemplateMap).entries) {
    const resource = networkResource(id, keyLine, value, scope);
    if (resource) found.push(resource);
  }
  return { resources: found, problems: scope.problems };
}

/** The template itself, or the one `aws cloudformation get-template` wraps in TemplateBody (JSON templates only). */
function templateOf(root: TemplateNode): TemplateNode {
  const body = root.kind === 'map' && !root.entries.has('Resources') ? root.entries.get('TemplateBody')?.value : undefined;
  return body?.kind === 'map' ? body : root;
}

function networkResource(id: string, line: number, declaration: TemplateNode, scope: TemplateScope): IacResource | undefined {
  const type = declaration.kind === 'map' ? stringOf(declaration.entries.get('Type')?.value) : undefined;
  if (declaration.kind !== 'map' || type === undefined) {
    scope.invalid(line, `the resource ${quoted(id)} has no Type — CloudFormation rejects the template; give it one`);
    return undefined;
  }
  if (!NETWORK_TYPES.has(type)) {
    warnOfFetchedStack(id, line, type, declaration, scope);
    return undefined;
  }
  const condition = declaration.entries.get('Condition')?.value;
  if (condition !== undefined) {
    const name = stringOf(condition);
    if (name === undefined) scope.invalid(condition.line, `the Condition of ${quoted(id)} is not a condition name — CloudFormation rejects it; name a condition`);
    else if (scope.conditions.truth(name, condition.line) === false) return undefined;
  }
  const properties = declaration.entries.get('Properties')?.value;
  const body = properties === undefined ? undefined : evaluate(properties, scope);
  if (body !== undefined && body.kind !== 'object') {
    const message = body.kind === 'unknown'
      ? `the Properties of ${quoted(id)} depend on values not known from the template — the resource was not judged; write its properties out`
      : `the Properties of ${quoted(id)} are not a mapping — CloudFormation rejects the resource; fix it`;
    if (body.kind === 'unknown') scope.unsupported(properties!.line, message, 'error');
    else scope.invalid(properties!.line, message);
    return undefined;
  }
  const fields: IacObject = body ?? { kind: 'object', fields: new Map(), line };
  return { type, address: id, file: scope.file, line, body: fields };
}

/** Where each kind of nested stack names its template. */
const NESTED_STACK_SOURCES: Readonly<Record<string, string>> = { 'AWS::CloudFormation::Stack': 'TemplateURL', 'AWS::Serverless::Application': 'Location' };

/**
 * A nested stack whose template CloudFormation fetches (from S3, a URL, the Serverless Application Repository) holds
 * resources Parapet does not read: said at the stack. One from a local path (packaged later) is judged where it is scanned.
 */
function warnOfFetchedStack(id: string, line: number, type: string, declaration: TemplateMap, scope: TemplateScope): void {
  const property = Object.hasOwn(NESTED_STACK_SOURCES, type) ? NESTED_STACK_SOURCES[type] : undefined;
  const properties = declaration.entries.get('Properties')?.value;
  if (property === undefined || properties?.kind !== 'map') return;
  const source = properties.entries.get(property)?.value;
  if (source === undefined) return;
  const path = stringOf(source);
  if (path !== undefined && !/^(?:https?|s3):\/\//i.test(path)) return;
  const from = path !== undefined ? quoted(path, 120) : source.kind === 'map' && source.entries.has('ApplicationId') ? 'the Serverless Application Repository' : 'a location the template computes';
  scope.unsupported(line, `the nested stack ${quoted(id)} comes from ${from}, which Parapet does not fetch: its security groups are judged only where its template is in the scanned tree — or scan the processed template of each stack`);
}

/** Macros rewrite the template before deployment: what they add or change is not in the text Parapet reads. */
function warnOfMacros(root: TemplateMap, scope: TemplateScope): void {
  const transform = root.entries.get('Transform')?.value;
  if (!transform) return;
  const items = transform.kind === 'list' ? transform.items : [transform];
  for (const item of items) {
    const name = stringOf(item) ?? (item.kind === 'map' ? stringOf(item.entries.get('Name')?.value) : undefined);
    if (name !== undefined && HARMLESS_TRANSFORMS.test(name)) continue;
    scope.unsupported(item.line, `the template is transformed by ${name === undefined ? 'a macro' : quoted(name)}, which Parapet does not run — security groups it adds or changes are not judged; scan the processed template (aws cloudformation get-template --template-stage Processed)`);
  }
}
