import type { IncomingMessage, ServerResponse } from 'node:http';

/** Request bodies above this are refused (no legitimate portal request comes close). */
const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {}

export function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new BodyTooLargeError('request body too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** An `application/x-www-form-urlencoded` body as a map of its first values. */
export async function readForm(request: IncomingMessage): Promise<Map<string, string>> {
  const form = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(await readBody(request))) {
    if (!form.has(name)) form.set(name, value);
  }
  return form;
}

function send(response: ServerResponse, status: number, contentType: string, body: string | Uint8Array): void {
  if (response.headersSent || response.destroyed) return;
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  response
    .writeHead(status, { 'Content-Type': contentType, 'Content-Length': bytes.byteLength, 'Cache-Control': 'no-store' })
    .end(bytes);
}

/** A JSON answer; no body for `undefined` (204). */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  if (body === undefined) {
    if (!response.headersSent && !response.destroyed) response.writeHead(status, { 'Cache-Control': 'no-store' }).end();
    return;
  }
  send(response, status, 'application/json', JSON.stringify(body));
}

export function sendHtml(response: ServerResponse, status: number, html: string): void {
  send(response, status, 'text/html; charset=utf-8', html);
}

export function sendPdf(response: ServerResponse, bytes: Uint8Array, filename: string): void {
  if (response.headersSent || response.destroyed) return;
  response
    .writeHead(200, {
      'Content-Type': 'application/pdf',
      'Content-Length': bytes.byteLength,
      'Content-Disposition': `inline; filename="${filename}"`,
    })
    .end(bytes);
}

/** 303 See Other: after a form POST the browser GETs `location`. */
export function redirect(response: ServerResponse, location: string): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(303, { Location: location, 'Content-Length': 0 }).end();
}
