/** Keeps text from the input on one short line of a message. */
export function oneLine(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const flat = text.slice(0, 2000).replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 297)}...` : flat;
}

/** A value from the input as it was written: strings in quotes, so that "tcp; drop" reads as one value. */
export function quoted(value: unknown): string {
  return oneLine(JSON.stringify(value) ?? String(value));
}
