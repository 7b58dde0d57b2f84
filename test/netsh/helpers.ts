import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_RULE_SETTINGS } from '../../src/engine/rule.js';
import type { LoadContext, LoadResult } from '../../src/inputs/input-format.js';
import { readInputFile, type InputFile } from '../../src/inputs/input-file.js';
import type { NetworkAsset, NetworkRule } from '../../src/network/model.js';
import { loadWindowsFirewall } from '../../src/parsers/netsh/load.js';

export const CORPUS = join(import.meta.dirname, '../corpus/windows');

const context: LoadContext = { settings: DEFAULT_RULE_SETTINGS, readFile: (path) => readInputFile(path, 1 << 26) };

/** Reads a file the way the scanner does (BOM, UTF-16, latin1 fallback) and loads it. */
export function loadPath(path: string): LoadResult {
  const file = readInputFile(path, 1 << 26);
  if (!('text' in file)) throw new Error(`cannot read ${path}: ${file.message}`);
  return loadWindowsFirewall(file, context);
}

/** Writes bytes to a fresh temporary file and loads it through the real reader. */
export function loadBytes(bytes: Buffer | string, name = 'capture.txt'): LoadResult & { path: string } {
  const path = join(mkdtempSync(join(tmpdir(), 'parapet-netsh-')), name);
  writeFileSync(path, bytes);
  return { ...loadPath(path), path };
}

/** CRLF text as netsh writes it. */
export function crlf(lines: string[]): string {
  return lines.join('\r\n') + '\r\n';
}

export function loadText(text: string, path = 'capture.txt'): LoadResult {
  const file: InputFile = { path, text, encoding: 'utf-8' };
  return loadWindowsFirewall(file, context);
}

export function onlyAsset(result: LoadResult): NetworkAsset {
  if (result.models.length !== 1 || result.models[0].kind !== 'network') throw new Error(`expected one network asset, got ${JSON.stringify(result)}`);
  return result.models[0];
}

/** A rule in one line, for golden comparisons: `in allow tcp 3389 from 10.0.0.0/8 [Domain,Private] on @12`. */
export function summarise(rule: NetworkRule): string {
  const ports = rule.protocol === 'tcp' || rule.protocol === 'udp' ? ` ${rule.ports.map((range) => (range.from === range.to ? `${range.from}` : `${range.from}-${range.to}`)).join(',')}` : '';
  const remote = rule.remote.map((address) => {
    switch (address.kind) {
      case 'cidr': return address.cidr;
      case 'range': return `${address.first}-${address.last}`;
      case 'symbol': return `${address.name}(${address.public})`;
      default: return address.kind;
    }
  }).join(',');
  const direction = rule.direction === 'inbound' ? 'in' : 'out';
  return `${direction} ${rule.action} ${rule.protocol}${ports} ${direction === 'in' ? 'from' : 'to'} ${remote} [${(rule.scopes ?? []).join(',')}] ${rule.enabled ? 'on' : 'off'} @${rule.location.line}`;
}
