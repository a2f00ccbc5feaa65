import { once } from 'node:events';
import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { afterAll } from 'vitest';

const MIB = 1024 * 1024;

/** A real HTTP server on 127.0.0.1 answering with `listener`; closed after the file's tests. */
export async function loopbackServer(listener: RequestListener): Promise<string> {
  const server = createServer(listener);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  afterAll(async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * `mebibytes` MiB of zeros gzipped, generated as a stream at test time: about 1 MB that inflates 1000
 * times (a gzip bomb).
 */
export async function gzipBomb(mebibytes: number): Promise<Buffer> {
  const zeros = Buffer.alloc(MIB);
  const source = Readable.from(
    (function* () {
      for (let sent = 0; sent < mebibytes; sent += 1) yield zeros;
    })(),
  );
  const chunks: Buffer[] = [];
  for await (const chunk of source.pipe(createGzip({ level: 9 }))) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** What a hostile server saw of one request: its headers, and a promise of the client closing the connection. */
export interface SeenRequest {
  headers: IncomingMessage['headers'];
  /** Resolves when the client closes the TCP connection: a client that keeps it open never resolves it. */
  closedByClient: Promise<void>;
}

/** Writes spaces as a chunked JSON answer, forever, as fast as the client reads, until it goes away. */
function endless(response: ServerResponse): void {
  response.writeHead(200, { 'content-type': 'application/json' });
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const pump = (): void => {
    while (!response.destroyed && response.write(chunk));
  };
  response.on('drain', pump);
  // The client resetting the connection is what these tests expect of it.
  response.on('error', () => undefined);
  pump();
}

/** Resolves when the socket closes, however it closes (a reset by the client included). */
function closed(request: IncomingMessage): Promise<void> {
  request.socket.on('error', () => undefined);
  return new Promise((resolve) => request.socket.once('close', () => resolve()));
}

/**
 * A server that answers every request with an endless chunked body (`kind: 'endless'`) or with the gzip
 * bomb (`kind: 'gzip'`, with Content-Encoding: gzip), and records what it saw.
 */
export async function hostileServer(
  kind: 'endless' | 'gzip',
  bomb: Buffer | null = null,
): Promise<{ url: string; seen: SeenRequest[] }> {
  const seen: SeenRequest[] = [];
  const url = await loopbackServer((request, response) => {
    seen.push({ headers: request.headers, closedByClient: closed(request) });
    if (kind === 'endless') {
      endless(response);
      return;
    }
    if (bomb === null) throw new Error('a gzip answer needs the bomb');
    response.writeHead(200, {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      'content-length': bomb.byteLength,
    });
    response.on('error', () => undefined);
    response.end(bomb);
  });
  return { url, seen };
}
