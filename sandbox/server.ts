/** Serving the sandbox over real HTTP (for `npm start` and for browser test harnesses). */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import { createSandbox, type Sandbox, type SandboxOptions } from './app.ts';

export interface StartSandboxOptions extends Omit<SandboxOptions, 'dbPath'> {
  /** `:memory:` when left out. */
  dbPath?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** `127.0.0.1` when left out. */
  hostname?: string;
}

export interface RunningSandbox {
  /** E.g. `http://127.0.0.1:53412`. */
  url: string;
  port: number;
  sandbox: Sandbox;
  /** Stops accepting connections, drops open ones and closes the database. */
  close(): Promise<void>;
}

export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const { port = 0, hostname = '127.0.0.1', dbPath = ':memory:', ...rest } = options;
  const sandbox = createSandbox({ ...rest, dbPath });
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: sandbox.app.fetch, port, hostname }, (info: AddressInfo) => {
      const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      const url = `http://${host}:${info.port}`;
      let closing: Promise<void> | undefined;
      resolve({
        url,
        port: info.port,
        sandbox,
        close: () =>
          (closing ??= new Promise<void>((done) => {
            const http = server as Server;
            http.close(() => {
              sandbox.close();
              done();
            });
            http.closeAllConnections();
          })),
      });
    });
    server.once('error', (error) => {
      sandbox.close();
      reject(error);
    });
  });
}
