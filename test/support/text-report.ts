/**
 * A text report with its findings written back one a line as `file:line: severity rule: message`: the text format
 * groups them under a header line per file, and a test that looks for a finding in a file reads it this way. Fails
 * on a finding line that has no file header above it.
 */
export function flatFindings(text: string): string {
  const lines = text.split('\n');
  const flat: string[] = [];
  let file: string | undefined;
  for (const [index, line] of lines.entries()) {
    const finding = /^ {2}(\d+): (.*)$/.exec(line);
    if (finding) {
      if (file === undefined) throw new Error(`a finding line without its file: ${line}`);
      flat.push(`${file}:${finding[1]}: ${finding[2]}`);
    } else if (line !== '' && /^ {2}\d+: /.test(lines[index + 1] ?? '')) {
      file = line;
    } else {
      file = undefined;
      flat.push(line);
    }
  }
  return flat.join('\n');
}
