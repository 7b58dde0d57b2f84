import type { Fix } from '../model/finding.js';
import type { FileText } from './file-texts.js';

/**
 * The text of a file with the replacements of several fixes made, or why they cannot all be made (two that overlap).
 * Insertions at one place keep the order of the fixes.
 */
export function applyFixes(file: FileText, fixes: readonly Fix[]): string | { conflict: string } {
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of file.lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  const at = (line: number, column: number) => (lineStarts[line - 1] ?? file.text.length) + column - 1;
  const edits = fixes
    .filter((fix) => fix.file === file.path)
    .flatMap((fix) => fix.replacements)
    .map((replacement, order) => ({ start: at(replacement.startLine, replacement.startColumn), end: at(replacement.endLine, replacement.endColumn), text: replacement.text, order }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  let text = '';
  let done = 0;
  for (const edit of edits) {
    if (edit.start < done || edit.end > file.text.length || edit.end < edit.start) return { conflict: `two fixes change the same part of ${file.path}` };
    text += file.text.slice(done, edit.start) + edit.text;
    done = edit.end;
  }
  return text + file.text.slice(done);
}
