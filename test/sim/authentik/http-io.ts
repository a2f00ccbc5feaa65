import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

export { sleep };

export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** Writes a JSON answer (no body for `undefined`, as for 204), unless the client has gone. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  if (response.destroyed) return;
  if (body === undefined) {
    response.writeHead(status).end();
    return;
  }
  sendRaw(response, status, JSON.stringify(body));
}

export function sendRaw(response: ServerResponse, status: number, text: string): void {
  if (response.destroyed) return;
  response
    .writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) })
    .end(text);
}

/** Closes the connection without an answer: the client sees a reset / "other side closed". */
export function drop(request: IncomingMessage): void {
  request.socket.destroy();
}
