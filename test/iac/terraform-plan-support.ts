import { readFileSync } from 'node:fs';
import type { IacObject, IacResource, IacValue } from '../../src/parsers/iac/value.js';

export const corpusUrl = (name: string): URL => new URL(`../corpus/${name}`, import.meta.url);
export const readCorpus = (name: string): string => readFileSync(corpusUrl(name), 'utf8');

/** A resource change entry as `terraform show -json` writes it. */
export function change(address: string, type: string, after: unknown, options: { actions?: string[]; afterUnknown?: unknown; mode?: string; moduleAddress?: string } = {}): Record<string, unknown> {
  const name = /([^.[\]]+)(?:\[[^\]]*\])?$/.exec(address)![1];
  return {
    address,
    ...(options.moduleAddress ? { module_address: options.moduleAddress } : {}),
    mode: options.mode ?? 'managed',
    type,
    name,
    provider_name: 'registry.terraform.io/hashicorp/aws',
    change: { actions: options.actions ?? ['create'], before: null, after, after_unknown: options.afterUnknown ?? {}, before_sensitive: false, after_sensitive: {} },
  };
}

/** A plan, pretty-printed so that each value has a line of its own. */
export function planText(resourceChanges: unknown[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ format_version: '1.2', terraform_version: '1.9.5', resource_changes: resourceChanges, ...extra }, null, 2);
}

export function field(value: IacValue | undefined, ...path: (string | number)[]): IacValue | undefined {
  let node = value;
  for (const step of path) {
    if (node === undefined) return undefined;
    node = typeof step === 'string' ? (node.kind === 'object' ? node.fields.get(step) : undefined) : node.kind === 'list' ? node.items[step] : undefined;
  }
  return node;
}

/** The value as plain JSON-like data (unknowns as `{ unknown: dependsOn }`), to compare whole bodies. */
export function plain(value: IacValue | undefined): unknown {
  if (value === undefined) return undefined;
  switch (value.kind) {
    case 'scalar': return value.value;
    case 'list': return value.items.map(plain);
    case 'object': return Object.fromEntries([...value.fields].map(([key, item]) => [key, plain(item)]));
    case 'unknown': return { unknown: value.dependsOn, ...(value.resource ? { resource: value.resource } : {}) };
  }
}

export const byAddress = (resources: IacResource[], address: string): IacResource => {
  const found = resources.find((resource) => resource.address === address);
  if (!found) throw new Error(`no resource ${address} in ${resources.map((resource) => resource.address).join(', ')}`);
  return found;
};

/** Every line in a body. */
export function linesOf(value: IacValue): number[] {
  const lines = [value.line];
  if (value.kind === 'object') for (const item of value.fields.values()) lines.push(...linesOf(item));
  if (value.kind === 'list') for (const item of value.items) lines.push(...linesOf(item));
  return lines;
}

export const lineOf = (text: string, needle: string, from = 0): number => text.slice(0, text.indexOf(needle, from)).split('\n').length;

export type { IacObject };
