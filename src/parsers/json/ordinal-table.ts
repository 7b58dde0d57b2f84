/**
 * Numbers indexed by ordinal, 0 where none was set: a growable Int32Array. The locating loop writes millions of
 * these; plain arrays with holes fall off V8's fast paths there.
 */
export class OrdinalTable {
  private values = new Int32Array(16);
  /** One past the highest index set. */
  length = 0;

  get(index: number): number {
    return index < this.length ? this.values[index] : 0;
  }

  set(index: number, value: number): void {
    if (index >= this.values.length) this.grow(index);
    this.values[index] = value;
    if (index >= this.length) this.length = index + 1;
  }

  /** Sets the next index; returns it. */
  push(value: number): number {
    const index = this.length;
    this.set(index, value);
    return index;
  }

  clear(): void {
    const { values, length } = this;
    // Tables of one document are short: a loop costs less than a call to fill.
    if (length <= 32) for (let index = 0; index < length; index++) values[index] = 0;
    else values.fill(0, 0, length);
    this.length = 0;
  }

  private grow(index: number): void {
    let size = this.values.length * 2;
    while (size <= index) size *= 2;
    const values = new Int32Array(size);
    values.set(this.values);
    this.values = values;
  }
}
