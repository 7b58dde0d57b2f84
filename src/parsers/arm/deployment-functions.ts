import { scalar, unknown, type IacValue } from '../iac/value.js';
import type { ArmFunction, CallSite } from './call-site.js';
import { arity, strict } from './function-helpers.js';
import { mergedUnknown, numberOf, readableText, textOf, withReadableText } from './values.js';

/**
 * Functions that read the template (parameters, variables, copyIndex), build resource ids, or read the deployment and
 * the cloud. What only the deployment knows (its resource group, subscription, time, another resource's state) is
 * unknown, depending on the call as written.
 */
export const DEPLOYMENT_FUNCTIONS: Record<string, ArmFunction> = {
  parameters: (args, call) => arity(args, call, 1) ?? strict(args, call, ([name]) => {
    const key = textOf(name);
    return key === undefined ? call.invalid('takes a parameter name') : call.scope.parameter(key, call.line);
  }),
  variables: (args, call) => arity(args, call, 1) ?? strict(args, call, ([name]) => {
    const key = textOf(name);
    return key === undefined ? call.invalid('takes a variable name') : call.scope.variable(key, call.line);
  }),
  copyindex: (args, call) => arity(args, call, 0, 2) ?? strict(args, call, (values) => copyIndex(values, call)),
  resourceid: (args, call) => resourceId(args, call, 2),
  subscriptionresourceid: (args, call) => resourceId(args, call, 1),
  tenantresourceid: (args, call) => resourceId(args, call, 0),
  extensionresourceid: (args, call) => {
    if (args.length < 3) return call.invalid('takes a resource id, a type and a name');
    return strict(args, call, ([scope, ...rest]) => {
      const base = textOf(scope);
      const id = idOf(undefined, undefined, rest, call, 0);
      if (base === undefined) return call.invalid('the scope is not a text');
      return id.kind === 'scalar' ? scalar(`${base}${String(id.value)}`, call.line) : id;
    });
  },
  // Another resource's runtime state: unknown, but it says which resource of the template it reads.
  reference: (args, call) => {
    const target = args[0]?.value();
    const name = target && target.kind === 'scalar' ? resourceNameOfId(String(target.value)) : undefined;
    return call.unknownCall(name);
  },
  resourcegroup: (_args, call) => call.unknownCall(),
  subscription: (_args, call) => call.unknownCall(),
  managementgroup: (_args, call) => call.unknownCall(),
  tenant: (_args, call) => call.unknownCall(),
  deployment: (_args, call) => call.unknownCall(),
  environment: (_args, call) => call.unknownCall(),
  uniquestring: (_args, call) => call.unknownCall(),
  guid: (_args, call) => call.unknownCall(),
  newguid: (_args, call) => call.unknownCall(),
  utcnow: (_args, call) => call.unknownCall(),
  pickzones: (_args, call) => call.unknownCall(),
  providers: (_args, call) => call.unknownCall(),
};

function copyIndex(values: IacValue[], call: CallSite): IacValue {
  const named = values.length > 0 && values[0].kind === 'scalar' && typeof values[0].value === 'string' ? String(values[0].value) : undefined;
  const offsetValue = named !== undefined ? values[1] : values[0];
  const offset = offsetValue ? numberOf(offsetValue) : 0;
  if (offset === undefined) return call.invalid('the offset is not a number');
  const loops = call.loops;
  let frame = undefined as (typeof loops)[number] | undefined;
  for (let index = loops.length - 1; index >= 0 && !frame; index--) {
    const candidate = loops[index];
    if (named === undefined ? candidate.resource : candidate.name?.toLowerCase() === named.toLowerCase()) frame = candidate;
  }
  if (!frame && named === undefined) frame = loops.at(-1);
  if (!frame) return call.invalid(named === undefined ? 'used outside a copy loop' : 'names no copy loop around it');
  if (frame.index === undefined) return unknown(call.line, frame.countDependsOn.length > 0 ? frame.countDependsOn : [call.text]);
  return scalar(frame.index + offset, call.line);
}

/**
 * resourceId([subscriptionId], [resourceGroupName], type, name…): the id as ARM builds it. A scope the call leaves
 * out is the deployment's own, written `{subscriptionId}` / `{resourceGroupName}` so that ids of the same template
 * compare equal and end with the names they give.
 */
function resourceId(args: Parameters<ArmFunction>[0], call: CallSite, scopeParts: number): IacValue {
  const values = args.map((argument) => argument.value());
  const typeAt = values.findIndex((value, index) => index <= scopeParts && isResourceType(textOf(value) ?? ''));
  if (typeAt < 0) {
    const unknowns = values.filter((value) => value.kind === 'unknown');
    return unknowns.length > 0 ? mergedUnknown(call.line, unknowns) : call.invalid('no resource type (Namespace/type) among the first arguments');
  }
  const scope = values.slice(0, typeAt);
  const scopeTexts = args.slice(0, typeAt).map((argument) => argument.text);
  const rest = values.slice(typeAt);
  const restTexts = args.slice(typeAt).map((argument) => argument.text);
  return idOf(scope, scopeTexts, rest, call, scopeParts, restTexts);
}

function idOf(scope: IacValue[] | undefined, scopeTexts: string[] | undefined, rest: IacValue[], call: CallSite, scopeParts: number, restTexts = rest.map(() => '…')): IacValue {
  const [type, ...names] = rest;
  const segments = (textOf(type) ?? '').split('/').filter((segment) => segment !== '');
  const [namespace, ...types] = segments;
  if (names.length !== types.length) return call.invalid(`the type has ${types.length} level${types.length === 1 ? '' : 's'} but ${names.length} name${names.length === 1 ? ' is' : 's are'} given`);
  const pieces: IacValue[] = [];
  const texts: string[] = [];
  const add = (value: IacValue, text: string): void => {
    pieces.push(value);
    texts.push(text);
  };
  const given = scope ?? [];
  if (scopeParts >= 1) {
    const subscription = scopeParts === 2 && given.length === 2 ? given[0] : scopeParts === 1 && given.length === 1 ? given[0] : undefined;
    add(scalar('/subscriptions/', call.line), '');
    add(subscription ?? scalar('{subscriptionId}', call.line), scopeTexts?.[0] ?? '');
  }
  if (scopeParts === 2) {
    const group = given.length >= 1 ? given[given.length - 1] : undefined;
    add(scalar('/resourceGroups/', call.line), '');
    add(group ?? scalar('{resourceGroupName}', call.line), scopeTexts?.[given.length - 1] ?? '');
  }
  add(scalar(`/providers/${namespace}`, call.line), '');
  types.forEach((kind, index) => {
    add(scalar(`/${kind}/`, call.line), '');
    add(names[index], restTexts[index + 1]);
  });
  const unknowns = pieces.filter((piece) => piece.kind === 'unknown');
  if (unknowns.length > 0) {
    const readable = pieces.map((piece, index) => readableText(piece, texts[index])).join('');
    return withReadableText(mergedUnknown(call.line, unknowns), readable.length > 200 ? `${readable.slice(0, 199)}…` : readable);
  }
  if (pieces.some((piece) => piece.kind !== 'scalar')) return call.invalid('names are texts');
  return scalar(pieces.map((piece) => (piece.kind === 'scalar' ? String(piece.value) : '')).join(''), call.line);
}

/** The resource name an id or name text gives: 'nsg' for …/networkSecurityGroups/nsg, 'nsg/rule' for a child. */
export function resourceNameOfId(text: string): string {
  const providers = text.lastIndexOf('/providers/');
  if (providers < 0) return text;
  const [, ...pairs] = text.slice(providers + '/providers/'.length).split('/');
  return pairs.filter((_, index) => index % 2 === 1).join('/');
}

/** `Namespace.Provider/type…`: a first segment with a dot inside it, and a type after its slash. */
function isResourceType(text: string): boolean {
  const slash = text.indexOf('/');
  return slash > 0 && text.slice(1, slash - 1).includes('.') && slash + 1 < text.length && text[slash + 1] !== '/';
}
