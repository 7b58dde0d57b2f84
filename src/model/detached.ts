/**
 * A copy of a string that shares no memory with the text it was cut from. V8 keeps a slice of a file's text (or a
 * string joined from such slices) as a pointer into that text, so a short key kept in a cache that outlives the file
 * would keep the whole file in memory; such caches keep copies. Strings shorter than 13 characters are always copies.
 */
export function detached(text: string): string {
  // Joining makes a new string; slicing it flattens the join into fresh memory first.
  return text.length < 13 ? text : (' ' + text).slice(1);
}
