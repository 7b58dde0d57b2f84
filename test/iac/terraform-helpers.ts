import type { InputFile } from '../../src/inputs/input-file.js';
import type { IacObject, IacValue } from '../../src/parsers/iac/value.js';
import { terraformModule } from '../../src/parsers/terraform/module.js';

export const file = (path: string, text: string): InputFile => ({ path, text, encoding: 'utf-8' });

export async function load(text: string, options: { files?: InputFile[]; varFiles?: InputFile[] } = {}) {
  return terraformModule([file('main.tf', text), ...(options.files ?? [])], { varFiles: options.varFiles ?? [] });
}

/** A value as plain data: scalars as themselves, unknowns as { unknown: dependsOn, resource }. */
export function plain(value: IacValue | undefined): unknown {
  if (!value) return undefined;
  switch (value.kind) {
    case 'scalar': return value.value;
    case 'list': return value.items.map(plain);
    case 'object': return Object.fromEntries([...value.fields].map(([key, field]) => [key, plain(field)]));
    case 'unknown': return value.resource ? { unknown: value.dependsOn, resource: value.resource } : { unknown: value.dependsOn };
  }
}

export function at(value: IacValue | undefined, ...path: (string | number)[]): IacValue | undefined {
  let current = value;
  for (const step of path) {
    if (!current) return undefined;
    if (typeof step === 'number') current = current.kind === 'list' ? current.items[step] : undefined;
    else current = current.kind === 'object' ? current.fields.get(step) : undefined;
  }
  return current;
}

export const bodyOf = (resource: { body: IacObject }): IacObject => resource.body;
