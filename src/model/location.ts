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

export function formatLocation(location: SourceLocation): string {
  return `${location.file}:${location.line}`;
}
