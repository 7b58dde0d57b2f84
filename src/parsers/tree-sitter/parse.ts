import type { Node, Parser, Tree } from 'web-tree-sitter';

/**
 * Parses within a time budget, or gives up (null). Tree-sitter's error recovery re-lexes long runs of whitespace at
 * every position it tries, so some malformed files take time quadratic in their size: 10,000 blank lines after a
 * syntax error took 9 s. A well-formed file parses at over 1 MB/s, well inside the budget.
 */
export function parseInTime(parser: Parser, text: string): Tree | null {
  const deadline = performance.now() + PARSE_BUDGET_MS + text.length / 1024 * PARSE_BUDGET_MS_PER_KIB;
  // The callback's type says void; tree-sitter cancels the parse when it returns true.
  const progressCallback = (() => performance.now() > deadline) as () => void;
  // The lexer may scan far in one step, where the progress callback is not asked (10,000 quotes in Bicep: each a scan
  // to the end of the file). It reads the text in chunks, though: past the deadline, the text ends.
  // (The tree reads its nodes' text through the same function once parsed: then it ends only where the text does.)
  let parsing = true;
  let cut = false;
  const read = (index: number) => {
    if (parsing && performance.now() > deadline) cut = true;
    return parsing && cut ? '' : text.slice(index, index + READ_CHUNK);
  };
  const tree = parser.parse(read, null, { progressCallback });
  parsing = false;
  if (tree && !cut) return tree;
  tree?.delete();
  // A cancelled parse would otherwise be resumed by the next call, on the next file's text.
  parser.reset();
  return null;
}

const PARSE_BUDGET_MS = 500;
const PARSE_BUDGET_MS_PER_KIB = 1;
const READ_CHUNK = 4096;

/** The first ERROR or MISSING node, in source order, or undefined when the tree has none. */
export function firstSyntaxError(root: Node): Node | undefined {
  if (!root.hasError) return undefined;
  let node: Node = root;
  // Descend, without recursion, into the first child that holds an error.
  for (;;) {
    if (node.type === 'ERROR' || node.isMissing) return node;
    let next: Node | undefined;
    for (const child of node.children) {
      if (child && (child.hasError || child.isMissing || child.type === 'ERROR')) {
        next = child;
        break;
      }
    }
    if (!next) return node;
    node = next;
  }
}
