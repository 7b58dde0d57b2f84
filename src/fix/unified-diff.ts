/** The middle of two texts longer than this (in lines) is shown as one replacement rather than aligned line by line. */
const ALIGNED_LINES = 4000;
/**
 * No context lines: a diff shows only the lines a fix changes (directives of the fixed keywords), so no other line of a
 * configuration, which may hold anything, is echoed. `patch` applies such a diff all the same.
 */
const CONTEXT = 0;

type Op = { kind: ' ' | '-' | '+'; text: string };

/** A unified diff (`diff -U0`) of two versions of a file; '' when they are equal. Control characters are shown escaped. */
export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string): string {
  if (oldText === newText) return '';
  const a = splitForDiff(oldText);
  const b = splitForDiff(newText);
  const ops = lineOps(a, b);
  const hunks: string[] = [];
  let index = 0;
  while (index < ops.length) {
    const change = ops.findIndex((op, at) => at >= index && op.kind !== ' ');
    if (change < 0) break;
    const start = Math.max(index, change - CONTEXT);
    let end = change;
    // A hunk runs on while the next change is within twice the context.
    for (let at = change; at < ops.length; at++) {
      if (ops[at].kind !== ' ') end = at;
      else if (at - end > 2 * CONTEXT) break;
    }
    const stop = Math.min(ops.length, end + 1 + CONTEXT);
    const before = ops.slice(0, start);
    const oldStart = before.filter((op) => op.kind !== '+').length + 1;
    const newStart = before.filter((op) => op.kind !== '-').length + 1;
    const body = ops.slice(start, stop);
    const oldCount = body.filter((op) => op.kind !== '+').length;
    const newCount = body.filter((op) => op.kind !== '-').length;
    hunks.push(`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@\n${body.map(shownOp).join('')}`);
    index = stop;
  }
  return `--- ${oldName}\n+++ ${newName}\n${hunks.join('')}`;
}

function shownOp(op: Op): string {
  return `${op.kind}${escapedLine(op.text)}${op.text.endsWith('\n') ? '' : '\n\\ No newline at end of file\n'}`;
}

function range(start: number, count: number): string {
  return `${count === 0 ? start - 1 : start},${count}`;
}

/** Lines with their line ends (a last line may have none). */
function splitForDiff(text: string): string[] {
  return text.split(/(?<=\n)/).filter((line) => line !== '');
}

function lineOps(a: string[], b: string[]): Op[] {
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  const midA = a.slice(prefix, a.length - suffix);
  const midB = b.slice(prefix, b.length - suffix);
  const same = (lines: string[]): Op[] => lines.map((text) => ({ kind: ' ', text }));
  return [...same(a.slice(0, prefix)), ...alignedOps(midA, midB), ...same(a.slice(a.length - suffix))];
}

/** The longest common subsequence of two short runs of lines, as diff operations. */
function alignedOps(a: string[], b: string[]): Op[] {
  if (a.length * b.length === 0 || a.length > ALIGNED_LINES || b.length > ALIGNED_LINES) {
    return [...a.map((text): Op => ({ kind: '-', text })), ...b.map((text): Op => ({ kind: '+', text }))];
  }
  const width = b.length + 1;
  const lengths = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1] + 1 : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) { ops.push({ kind: ' ', text: a[i++] }); j++; }
    else if (i < a.length && (j >= b.length || lengths[(i + 1) * width + j] >= lengths[i * width + j + 1])) ops.push({ kind: '-', text: a[i++] });
    else ops.push({ kind: '+', text: b[j++] });
  }
  return ops;
}

/** A line as a terminal may show it: controls (but the tab and the line end) and bidi overrides escaped. */
function escapedLine(line: string): string {
  const end = line.endsWith('\r\n') ? line.length - 2 : line.endsWith('\n') ? line.length - 1 : line.length;
  const body = line.slice(0, end).replace(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
  return body + line.slice(end);
}
