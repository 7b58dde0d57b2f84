import { createWriteStream } from 'node:fs';

/** Writes `count` groups, `groupOf(index)` each, as a describe-security-groups export, streamed: a large one never held whole. */
export async function writeExport(file, count, groupOf) {
  const stream = createWriteStream(file);
  const write = (text) => (stream.write(text) ? Promise.resolve() : new Promise((resolve) => stream.once('drain', resolve)));
  const indent = (text) => text.replace(/\n/g, '\n        ');
  await write('{\n    "SecurityGroups": [\n');
  for (let index = 0; index < count; index++) {
    await write(`        ${indent(JSON.stringify(groupOf(index), null, 4))}${index + 1 < count ? ',' : ''}\n`);
  }
  await write('    ]\n}\n');
  await new Promise((resolve) => stream.end(resolve));
}
