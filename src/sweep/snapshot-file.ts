import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import type { Cloud } from './cloud-sweeper.js';

/** The list each cloud's export keeps its groups in: what `parapet scan` reads back. */
export const LIST_KEY: Readonly<Record<Cloud, string>> = { aws: 'SecurityGroups', azure: 'value', gcp: 'items' };

/**
 * One target's groups written as its cloud's export, a page at a time as the pages come (a sweep never holds a target
 * whole), indented so that every finding has a line of its own to point at:
 *
 *     {"SecurityGroups": [
 *       {
 *         "GroupId": …
 *       }
 *     ]}
 */
export class SnapshotFile {
  private readonly fd: number;
  private items = 0;

  /** `listKey`: the export's list (LIST_KEY, or a target's own). */
  constructor(
    readonly path: string,
    listKey: string,
  ) {
    this.fd = openSync(path, 'w', 0o644);
    writeSync(this.fd, `{${JSON.stringify(listKey)}: [`);
  }

  /** Writes a page of items: `[\n  item,\n  item\n]` is the page stringified whole, without its brackets. */
  addPage(items: readonly unknown[]): void {
    if (items.length === 0) return;
    const text = JSON.stringify(items, null, 2);
    writeSync(this.fd, `${this.items === 0 ? '' : ','}${text.slice(1, -2)}`);
    this.items += items.length;
  }

  /**
   * Ends the document, whatever was read: what was read before a failure is still judged. A document without a group
   * is removed (false): there is nothing in it to judge, and an empty export reads as a broken one.
   */
  close(): boolean {
    writeSync(this.fd, this.items === 0 ? ']}\n' : '\n]}\n');
    closeSync(this.fd);
    if (this.items === 0) rmSync(this.path, { force: true });
    return this.items > 0;
  }
}
