import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import type { Cloud } from './cloud-sweeper.js';

/** The list each cloud's export keeps its groups in: what `parapet scan` reads back. */
const LIST_KEY: Readonly<Record<Cloud, string>> = { aws: 'SecurityGroups', azure: 'value', gcp: 'items' };

/**
 * One target's groups written as its cloud's export, an item at a time as the pages come (a sweep never holds a
 * target whole), indented so that every finding has a line of its own to point at.
 */
export class SnapshotFile {
  private readonly fd: number;
  private items = 0;

  constructor(
    readonly path: string,
    cloud: Cloud,
  ) {
    this.fd = openSync(path, 'w', 0o644);
    writeSync(this.fd, `{\n  "${LIST_KEY[cloud]}": [`);
  }

  add(item: unknown): void {
    const text = JSON.stringify(item, null, 2).replace(/\n/g, '\n    ');
    writeSync(this.fd, `${this.items === 0 ? '\n' : ',\n'}    ${text}`);
    this.items++;
  }

  get count(): number {
    return this.items;
  }

  /**
   * Ends the document, whatever was read: what was read before a failure is still judged. A document without a group
   * is removed (false): there is nothing in it to judge, and an empty export reads as a broken one.
   */
  close(): boolean {
    writeSync(this.fd, this.items === 0 ? ']\n}\n' : '\n  ]\n}\n');
    closeSync(this.fd);
    if (this.items === 0) rmSync(this.path, { force: true });
    return this.items > 0;
  }
}
