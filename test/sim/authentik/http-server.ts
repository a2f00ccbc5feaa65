import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { detail, SERVER_ERROR } from './api-types';
import { sendJson } from './http-io';

export type RequestListener = (request: IncomingMessage, response: ServerResponse, secure: boolean) => Promise<void>;

export interface RunningServer {
  /** e.g. 'http://127.0.0.1:41234' */
  origin: string;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 on a free port, over HTTP or, with `tls`, HTTPS. */
export async function listen(
  listener: RequestListener,
  tls?: { certPem: string; keyPem: string },
): Promise<RunningServer> {
  const secure = tls !== undefined;
  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    request.on('error', () => request.socket.destroy());
    listener(request, response, secure).catch(() => {
      const failure = detail(500, SERVER_ERROR);
      sendJson(response, failure.status, failure.body);
    });
  };
  const server: Server = secure
    ? createHttpsServer({ cert: tls.certPem, key: tls.keyPem }, handle)
    : createHttpServer(handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${secure ? 'https' : 'http'}://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      }),
  };
}
