import type { Model } from '../engine/rule.js';
import { readInputFile } from './input-file.js';
import type { InputFormat, LoadInput, LoadResult, LoadStream } from './input-format.js';
import { openInputStream, type InputStream } from './input-stream.js';

/** How a format is read: whole and decoded for the parsers of `text`, in pieces for those of `stream`. */

/** `parser` may answer later: a Terraform plan looks for the module files beside it, with a parser loaded on demand. */
export function text(maxBytes: number, parser: () => Promise<LoadInput | ((...args: Parameters<LoadInput>) => Promise<LoadResult>)>): InputFormat['load'] {
  return async (path, context) => {
    const file = readInputFile(path, maxBytes);
    return 'id' in file ? file : (await parser())(file, context);
  };
}

export function stream(maxBytes: number, parser: () => Promise<LoadStream>): InputFormat['load'] {
  return async (path, context) => {
    const load = await parser();
    const input = openInputStream(path, maxBytes);
    if ('id' in input) return input;
    let result: LoadResult<Iterable<Model>>;
    try {
      result = load(input, context);
    } catch (error) {
      input.close();
      throw error;
    }
    return { ...result, models: closing(input, result.models) };
  };
}

/** The models, and the file closed once they have been read (or reading them failed). */
function* closing(input: InputStream, models: Iterable<Model>): Generator<Model> {
  try {
    yield* models;
  } finally {
    input.close();
  }
}
