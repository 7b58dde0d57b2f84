import type { Fix, SshdRemedy } from '../model/finding.js';
import { asciiLower } from '../parsers/sshd/keywords.js';
import { tokenizeLine } from '../parsers/sshd/tokenize.js';
import type { FileText, FileTexts } from './file-texts.js';
import { valueSpan } from './value-span.js';

/**
 * Where a remedy's line goes, as a Fix (SARIF's replacement model). sshd uses the first value it reads of a keyword:
 * - a value some line sets is changed on that line (the drop-in that wins, a `Match All` block, the main file),
 *   keeping the keyword as written, its separator and a trailing comment;
 * - a compiled-in default gets a new line at the end of the main file's global section (after its last directive
 *   before the first `Match`), where no other line sets the keyword, so the new one is the first read.
 * Returns why not, when the file cannot be edited.
 */
export function planFix(remedy: SshdRemedy, texts: FileTexts): Fix | string {
  const line = `${remedy.keyword} ${remedy.value}`;
  if (remedy.replaces) {
    const file = texts.get(remedy.replaces.file);
    if (typeof file === 'string') return file;
    const raw = file.lines[remedy.replaces.line - 1];
    const directive = raw === undefined ? undefined : tokenizeLine(raw, remedy.replaces.line);
    const first = directive?.args[0];
    const span = first && valueSpan(raw, first.column - 1);
    if (!directive || asciiLower(directive.keyword.text) === 'match' || !span) return `line ${remedy.replaces.line} of ${remedy.replaces.file} is not the directive the scan read — scan again`;
    return {
      description: `Set ${line} on the line sshd reads it from`,
      file: file.path,
      replacements: [{ startLine: remedy.replaces.line, startColumn: span.start + 1, endLine: remedy.replaces.line, endColumn: span.end + 1, text: remedy.value }],
    };
  }
  const file = texts.get(remedy.mainFile);
  if (typeof file === 'string') return file;
  return {
    description: `Add ${line} to the global section of the main configuration file (no line sets ${remedy.keyword}: OpenSSH's default applies)`,
    file: file.path,
    replacements: [insertionAfterGlobalSection(file, line)],
  };
}

/** An insertion after the last directive before the first `Match` (at the top when there is none). */
function insertionAfterGlobalSection(file: FileText, line: string): Fix['replacements'][number] {
  let last = 0;
  for (let index = 0; index < file.lines.length; index++) {
    const directive = tokenizeLine(file.lines[index], index + 1);
    if (!directive) continue;
    if (asciiLower(directive.keyword.text) === 'match') break;
    last = index + 1;
  }
  if (last === 0) return { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1, text: line + file.eol };
  if (last < file.lines.length) return { startLine: last + 1, startColumn: 1, endLine: last + 1, endColumn: 1, text: line + file.eol };
  // The last line of a file without a final newline.
  const end = file.lines[last - 1].length + 1;
  return { startLine: last, startColumn: end, endLine: last, endColumn: end, text: file.eol + line };
}
