import { jsonText } from './json-text.js';

/**
 * A JSON document written in pieces: `envelope` must end with an empty array, which is filled with `items` (each
 * already JSON text), one a line, so that a report of tens of thousands of results is never one string and stays
 * readable with grep.
 */
export function* inPieces(envelope: object, items: Iterable<string>): Generator<string> {
  const text = jsonText(envelope);
  let end = text.length;
  while (text[end - 1] === '}' || text[end - 1] === ']') end--;
  // text[end - 1] is the empty array's '[', text[end] its ']'.
  if (text[end - 1] !== '[') throw new Error('the envelope must end with an empty array');
  yield text.slice(0, end);
  let separator = '\n';
  for (const item of items) {
    yield separator + item;
    separator = ',\n';
  }
  yield `\n${text.slice(end)}\n`;
}

