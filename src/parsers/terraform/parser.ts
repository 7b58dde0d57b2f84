import type { Parser } from 'web-tree-sitter';
import { languageParser } from '../tree-sitter/language-parser.js';

let loading: Promise<Parser> | undefined;

/** The HCL parser, loaded on first use: a scan without Terraform files never loads web-tree-sitter or its wasm. */
export function hclParser(): Promise<Parser> {
  loading ??= languageParser(async () => (await import('./wasm-bytes.js')).wasmBytes());
  return loading;
}
