import { shown } from './quote.js';

/** A place in an input file. `file` is the path as Parapet opened it; reporters make it relative to the scan root. */
export interface SourceLocation {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based, optional. */
  column?: number;
  endLine?: number;
  endColumn?: number;
}

/** `path:line` for text: a control character in a file name is escaped, so that it cannot rewrite the terminal. */
export function formatLocation(location: SourceLocation): string {
  return `${shown(location.file, 1000)}:${location.line}`;
}
