const MIB = 1024 * 1024;

/** An answer that grew past its limit; reading stopped there and the request was cancelled. */
export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';

  constructor(readonly limitBytes: number) {
    super(`the answer is larger than ${inMebibytes(limitBytes)}`);
  }
}

/** "8 MiB", for messages. */
export function inMebibytes(bytes: number): string {
  return `${Number((bytes / MIB).toFixed(1))} MiB`;
}

/** The part of a fetch Response (undici's or the global one) the reader needs. */
export interface BodySource {
  headers: { get(name: string): string | null };
  body: {
    getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array }>; cancel(reason?: unknown): Promise<void> };
    cancel(reason?: unknown): Promise<void>;
  } | null;
}

function concat(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * Reads a whole answer, holding at most `limitBytes`. fetch decompresses as it streams, so the count is
 * of what arrives after decompression: a small gzip answer that inflates to gigabytes (or a chunked one
 * that never ends) is stopped as soon as it passes the limit. Cancelling the stream makes fetch abort
 * the request, so nothing more is downloaded or inflated.
 */
export async function readBoundedBody(response: BodySource, limitBytes: number): Promise<Uint8Array> {
  if (response.body === null) return new Uint8Array(0);
  const encoding = (response.headers.get('content-encoding') ?? 'identity').trim().toLowerCase();
  // A declared length counts the bytes on the wire, which are the body's own only without an encoding.
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (encoding === 'identity' && declared > limitBytes) {
    await response.body.cancel().catch(() => undefined);
    throw new BodyTooLargeError(limitBytes);
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done || value === undefined) break;
    total += value.byteLength;
    if (total > limitBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(limitBytes);
    }
    chunks.push(value);
  }
  return concat(chunks, total);
}
