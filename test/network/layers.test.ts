import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** The layers of src/network, lowest first: a file imports only from its own layer or those below, and never in a circle. */
const LAYERS: Record<string, string[]> = {
  model: ['model', 'priority-order'],
  'address sets': ['ip-intervals', 'public-addresses', 'address-set', 'chunked-intervals', 'ports', 'traffic', 'rule-facts'],
  'decision map': ['scopes', 'evaluation-order', 'port-segments', 'traffic-slices', 'decision', 'decision-map', 'sliced-maps', 'asset-evaluation'],
  queries: ['reachability', 'decisions-by-address', 'traffic-classes', 'openings', 'catch-all', 'shadowed-rules'],
  descriptions: ['describe', 'scopes-by-line', 'opening-finding'],
};

const directory = new URL('../../src/network/', import.meta.url);
const files = readdirSync(directory).filter((name) => name.endsWith('.ts')).map((name) => name.slice(0, -3));
const layerOf = new Map(Object.values(LAYERS).flatMap((names, layer) => names.map((name) => [name, layer] as const)));
const importsOf = new Map(files.map((file) => [file, [...readFileSync(new URL(`${file}.ts`, directory), 'utf8').matchAll(/from '\.\/([\w-]+)\.js'/g)].map((match) => match[1])]));

describe('src/network', () => {
  it('has every file in a layer', () => {
    expect(files.filter((file) => !layerOf.has(file))).toEqual([]);
  });

  it('imports only from the same layer or below', () => {
    const upward = files.flatMap((file) => importsOf.get(file)!.filter((imported) => layerOf.get(imported)! > layerOf.get(file)!).map((imported) => `${file} -> ${imported}`));
    expect(upward).toEqual([]);
  });

  it('has no circle of imports', () => {
    const state = new Map<string, 'open' | 'done'>();
    const circles: string[] = [];
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        circles.push([...path.slice(path.indexOf(file)), file].join(' -> '));
        return;
      }
      state.set(file, 'open');
      for (const imported of importsOf.get(file) ?? []) visit(imported, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(circles).toEqual([]);
  });
});
