import type { CST } from 'yaml';

/**
 * How deep the collections of a parsed YAML text nest, measured on the token tree without recursion: the YAML composer
 * recurses once per level, and a hostile `[[[[…` must be refused before it reaches it.
 */
export function firstTooDeep(tokens: readonly CST.Token[], maxDepth: number): CST.Token | undefined {
  const stack: Array<[CST.Token, number]> = tokens.map((token) => [token, 0]);
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    switch (token.type) {
      case 'document':
        if (token.value) stack.push([token.value, depth]);
        break;
      case 'block-map':
      case 'block-seq':
      case 'flow-collection':
        if (depth + 1 > maxDepth) return token;
        for (const item of token.items) {
          if ('key' in item && item.key) stack.push([item.key, depth + 1]);
          if (item.value) stack.push([item.value, depth + 1]);
        }
        break;
      default:
        break;
    }
  }
  return undefined;
}
