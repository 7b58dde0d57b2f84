import type { Node } from 'web-tree-sitter';

/** At most this many parses of a file repair its numbers: each costs a parse of the whole file. */
export const EXPONENT_REPAIR_ROUNDS = 8;
/** Only a file of at most this many characters is repaired: a hostile one must not cost eight parses of 16 MiB. */
export const MAX_REPAIRED_TEXT = 256 * 1024;

/**
 * HCL writes `1e3` for 1000, and Terraform reads it; the vendored grammar reads an exponent only after a fraction
 * (`1.0e3`), and stops at `e3`. For a tree with errors: the text with `.0` put before each such exponent (the same
 * numbers, on the same lines), or undefined when it has none. Digits inside a string or a name are never touched:
 * the grammar reads those as a string or a name, not as a number of their own.
 */
export function withExponentsRepaired(root: Node, text: string): string | undefined {
  const exponents: number[] = [];
  const pending: Node[] = [root];
  while (pending.length > 0) {
    const node = pending.pop()!;
    if (node.childCount > 0) {
      for (const child of node.children) if (child) pending.push(child);
      continue;
    }
    const { startIndex, endIndex } = node;
    if (!/^\d+$/.test(node.text) || !/^[eE][+-]?\d/.test(text.slice(endIndex, endIndex + 3))) continue;
    if (startIndex > 0 && /[\w.]/.test(text[startIndex - 1])) continue;
    exponents.push(endIndex);
  }
  if (exponents.length === 0) return undefined;
  exponents.sort((left, right) => left - right);
  let repaired = '';
  let from = 0;
  for (const at of exponents) {
    repaired += `${text.slice(from, at)}.0`;
    from = at;
  }
  return repaired + text.slice(from);
}
