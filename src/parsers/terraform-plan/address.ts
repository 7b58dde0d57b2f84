/**
 * Terraform resource addresses as a plan writes them: `module.net["eu"].module.sg[0].aws_security_group.this[1]`.
 * Instance keys are in brackets, numbers or JSON-quoted strings that may hold any character, '.' and ']' included.
 */

/** The address without its instance keys: `module.net.module.sg.aws_security_group.this`, how the configuration names it. */
export function withoutInstanceKeys(address: string): string {
  if (!address.includes('[')) return address;
  let kept = '';
  let from = 0;
  for (let at = address.indexOf('['); at !== -1; at = address.indexOf('[', from)) {
    kept += address.slice(from, at);
    from = keyEnd(address, at);
  }
  return kept + address.slice(from);
}

/** Just past the `]` that closes the key opening at `open`, or the end of the text. */
function keyEnd(address: string, open: number): number {
  let inString = false;
  for (let at = open + 1; at < address.length; at++) {
    const character = address[at];
    if (inString) {
      if (character === '\\') at++;
      else if (character === '"') inString = false;
    } else if (character === '"') inString = true;
    else if (character === ']') return at + 1;
  }
  return address.length;
}

/**
 * The module instance a resource instance is in (`module.net["eu"]`, '' at the root): the plan's `module_address`
 * when it gives one, else the address without its last `type.name[key]`.
 */
export function moduleOf(address: string, type: string, name: string, moduleAddress: unknown): string {
  if (typeof moduleAddress === 'string') return moduleAddress;
  const own = `${type}.${name}`;
  const at = address.lastIndexOf(own);
  return at > 0 && address[at - 1] === '.' ? address.slice(0, at - 1) : '';
}

/** `prefix.rest`, or `rest` at the root. */
export function inModule(module: string, rest: string): string {
  return module === '' ? rest : `${module}.${rest}`;
}

/** Root names of references that are not resources of the module: `var.x`, `local.y`, `data.t.n`, `module.m.out`, … */
const NOT_A_RESOURCE = new Set(['var', 'local', 'data', 'module', 'count', 'each', 'path', 'terraform', 'self', 'ephemeral']);
const RESOURCE_REFERENCE = /^([A-Za-z_][A-Za-z0-9_-]*)\.([A-Za-z_][A-Za-z0-9_-]*)(\[(?:[0-9]+|"(?:[^"\\]|\\.)*")\])?/;

/**
 * The resource a list of references reads (Terraform lists `aws_security_group.app.id` and `aws_security_group.app`
 * for `aws_security_group.app.id`): the first managed resource named, with its instance key when one names it.
 */
export function referencedResource(references: readonly string[]): string | undefined {
  let found: string | undefined;
  for (const reference of references) {
    const match = RESOURCE_REFERENCE.exec(reference);
    if (!match || NOT_A_RESOURCE.has(match[1])) continue;
    if (match[3]) return match[0];
    found ??= match[0];
  }
  return found;
}

/** The references without those another one extends: `aws_security_group.app` goes when `aws_security_group.app.id` is there. */
export function mostSpecific(references: readonly string[]): string[] {
  return references.filter((reference) => !references.some((other) => other.length > reference.length && other.startsWith(reference) && (other[reference.length] === '.' || other[reference.length] === '[')));
}

/** How a reference in a module reads from outside it: resources and data sources as absolute addresses, the rest with the module named. */
export function referenceFrom(module: string, reference: string): string {
  if (module === '') return reference;
  const root = reference.slice(0, reference.indexOf('.'));
  return NOT_A_RESOURCE.has(root) && root !== 'data' ? `${reference} in ${module}` : `${module}.${reference}`;
}
