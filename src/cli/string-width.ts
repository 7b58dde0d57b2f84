/**
 * Stands in for the `string-width` package inside the bundle (see build.mjs). yargs only measures its own help text,
 * which is ASCII; the real package builds an Intl.Segmenter and Unicode tables when it is loaded, on every run.
 */
const ANSI_ESCAPE = /\u001B\[[0-9;]*[A-Za-z]/g;

export default function stringWidth(text: string): number {
  return [...text.replace(ANSI_ESCAPE, '')].length;
}
