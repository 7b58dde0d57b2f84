import type { Language, Parser } from 'web-tree-sitter';
import { wasmBytes } from './wasm-bytes.js';

let runtime: Promise<typeof import('web-tree-sitter')> | undefined;

/**
 * A parser for one grammar (its WebAssembly bytes), on web-tree-sitter's runtime, which is loaded and initialised once
 * for every grammar: a scan without a file of a tree-sitter grammar never loads it.
 */
export async function languageParser(grammar: () => Promise<Uint8Array>): Promise<Parser> {
  runtime ??= (async () => {
    const [module, bytes] = await Promise.all([import('web-tree-sitter'), wasmBytes()]);
    await module.Parser.init({ wasmBinary: bytes } as object);
    return module;
  })();
  const [{ Parser, Language }, grammarBytes] = await Promise.all([runtime, grammar()]);
  const language: Language = await Language.load(grammarBytes);
  const parser = new Parser();
  parser.setLanguage(language);
  return parser;
}
