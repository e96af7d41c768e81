import type { Transaction } from 'dexie';

/**
 * Waits for a promise that is not an IndexedDB request (a stream's read or
 * write, WebCrypto) inside a Dexie transaction without letting it commit:
 * Dexie keeps the transaction busy with cheap reads meanwhile and resolves
 * within one of their callbacks, so the caller may go on issuing requests.
 * (Dexie.waitFor does the same through its zone, which a native await can
 * lose; the transaction's own method needs none.)
 */
export function keepAliveWhile<T>(transaction: Transaction, promise: Promise<T>): Promise<T> {
  return (transaction as Transaction & { waitFor<R>(p: PromiseLike<R>): Promise<R> }).waitFor(promise);
}

/** Reads exact byte counts from a stream of chunks. */
export class ByteReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private buffered: Uint8Array[] = [];
  private bufferedBytes = 0;
  private ended = false;

  constructor(stream: ReadableStream<Uint8Array>) {
    this.reader = stream.getReader();
  }

  private async fill(bytes: number): Promise<void> {
    while (this.bufferedBytes < bytes && !this.ended) {
      const { value, done } = await this.reader.read();
      if (done) this.ended = true;
      else if (value.length > 0) {
        this.buffered.push(value);
        this.bufferedBytes += value.length;
      }
    }
  }

  /** Exactly `bytes` bytes; null at the very end of the stream; a RangeError when it ends part way. */
  async read(bytes: number): Promise<Uint8Array<ArrayBuffer> | null> {
    await this.fill(bytes);
    if (this.bufferedBytes === 0 && this.ended) return null;
    if (this.bufferedBytes < bytes) throw new RangeError('the stream ended part way through a block');
    const out = new Uint8Array(bytes);
    let offset = 0;
    while (offset < bytes) {
      const head = this.buffered[0]!;
      const take = Math.min(head.length, bytes - offset);
      out.set(head.subarray(0, take), offset);
      offset += take;
      if (take === head.length) this.buffered.shift();
      else this.buffered[0] = head.subarray(take);
    }
    this.bufferedBytes -= bytes;
    return out;
  }

  cancel(): Promise<void> {
    return this.reader.cancel();
  }
}

/** A Blob's bytes as a stream, in slices of `sliceBytes`, reporting the bytes read so far. */
export function blobStream(blob: Blob, onRead?: (bytes: number) => void, sliceBytes = 4 * 1024 * 1024): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (offset >= blob.size) {
        controller.close();
        return;
      }
      const end = Math.min(blob.size, offset + sliceBytes);
      const bytes = new Uint8Array(await blob.slice(offset, end).arrayBuffer());
      offset = end;
      onRead?.(offset);
      controller.enqueue(bytes);
    },
  });
}

/**
 * Collects written chunks into a Blob without keeping them on the JS heap:
 * every few megabytes the pending chunks become a Blob of their own, which
 * the browser keeps outside the heap (on disk when large).
 */
export class BlobCollector {
  private readonly blobs: Blob[] = [];
  private pending: Uint8Array<ArrayBuffer>[] = [];
  private pendingBytes = 0;

  constructor(private readonly flushBytes = 8 * 1024 * 1024) {}

  write(chunk: Uint8Array): Promise<void> {
    // A copy: the caller may reuse its buffer, and a Blob part must own a plain ArrayBuffer.
    this.pending.push(new Uint8Array(chunk));
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= this.flushBytes) this.flush();
    return Promise.resolve();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.blobs.push(new Blob(this.pending));
    this.pending = [];
    this.pendingBytes = 0;
  }

  blob(type: string): Blob {
    this.flush();
    return new Blob(this.blobs, { type });
  }
}
