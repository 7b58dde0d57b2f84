import type { Block } from './syntax.js';

/** Terraform reads a module from the local file system when its source starts with ./ or ../; any other it fetches. */
export const isLocalSource = (source: string): boolean => /^\.\.?[/\\]/.test(source);

/** The module calls of a file whose source is a string, where it is written. */
export function moduleCallsOf(blocks: Block[]): { name: string; source: string; line: number; block: Block }[] {
  const calls: { name: string; source: string; line: number; block: Block }[] = [];
  for (const block of blocks) {
    if (block.type !== 'module' || block.labels.length !== 1) continue;
    const source = block.body.attributes.find((attribute) => attribute.name === 'source')?.value;
    if (source?.type === 'literal' && typeof source.value === 'string') calls.push({ name: block.labels[0], source: source.value, line: block.line, block });
  }
  return calls;
}
