import { decodeBytes } from './decode-bytes.js';

/** Bytes appended one run at a time into a buffer that doubles as it fills. */
export class ByteBuilder {
  private buffer = Buffer.allocUnsafeSlow(4096);
  length = 0;

  push(byte: number): void {
    if (this.length === this.buffer.length) this.reserve(1);
    this.buffer[this.length++] = byte;
  }

  append(bytes: Uint8Array, start: number, end: number): void {
    this.reserve(end - start);
    this.buffer.set(bytes.subarray(start, end), this.length);
    this.length += end - start;
  }

  pushNewlines(count: number): void {
    this.reserve(count);
    const { buffer } = this;
    let at = this.length;
    for (const end = at + count; at < end; at++) buffer[at] = 10;
    this.length = at;
  }

  /** A view of bytes[start, end): good until the next append. */
  bytes(start = 0, end = this.length): Buffer {
    return this.buffer.subarray(start, end);
  }

  toString(): string {
    return decodeBytes(this.buffer, 0, this.length);
  }

  private reserve(count: number): void {
    if (this.length + count <= this.buffer.length) return;
    let size = this.buffer.length * 2;
    while (size < this.length + count) size *= 2;
    const larger = Buffer.allocUnsafeSlow(size);
    this.buffer.copy(larger, 0, 0, this.length);
    this.buffer = larger;
  }
}
