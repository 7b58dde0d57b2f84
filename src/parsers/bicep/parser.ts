import type { Parser } from 'web-tree-sitter';
import { languageParser } from '../tree-sitter/language-parser.js';

let loading: Promise<Parser> | undefined;

/** The Bicep parser, loaded on first use: a scan without Bicep files never loads its grammar. */
export function bicepParser(): Promise<Parser> {
  loading ??= languageParser(async () => (await import('./wasm-bytes.js')).wasmBytes());
  return loading;
}
