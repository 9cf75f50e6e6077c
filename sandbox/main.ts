/**
 * `npm start`: the sandbox on http://localhost:8787 with its data in `<repo>/.data/sandbox.db`.
 *
 * Environment: PORT (8787), HOST (127.0.0.1; use 0.0.0.0 to listen on every interface), DATA_DIR (<repo>/.data),
 * PUBLIC_URL (payment page base; the request's origin when unset), SANDBOX_SETTLE_DELAY_MS (2000),
 * SANDBOX_DEMO_ORIGINS (more origins the demo partner's pages may be on, separated by spaces or commas; see
 * `SandboxOptions.demoOrigins`), and for webhooks SANDBOX_WEBHOOK_RETRY_MS (the first retry's delay, 10000),
 * SANDBOX_WEBHOOK_TIMEOUT_MS (10000) and SANDBOX_WEBHOOK_SWEEP_MS (500).
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mountDemo } from '../demo/routes.ts';
import { startSandbox } from './server.ts';

const repoRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));
const dataDir = resolve(process.env.DATA_DIR ?? join(repoRoot, '.data'));
mkdirSync(dataDir, { recursive: true });

const number = (name: string, fallback: number): number => {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`${name} must be a whole number, got ${value}`);
  return parsed;
};

const port = number('PORT', 8787);
const running = await startSandbox({
  port,
  hostname: process.env.HOST ?? '127.0.0.1',
  dbPath: join(dataDir, 'sandbox.db'),
  publicUrl: process.env.PUBLIC_URL || undefined,
  demoOrigins: (process.env.SANDBOX_DEMO_ORIGINS ?? '').split(/[\s,]+/).filter(Boolean),
  settleDelayMs: number('SANDBOX_SETTLE_DELAY_MS', 2000),
  webhooks: {
    retryDelayMs: number('SANDBOX_WEBHOOK_RETRY_MS', 10_000),
    timeoutMs: number('SANDBOX_WEBHOOK_TIMEOUT_MS', 10_000),
    sweepIntervalMs: number('SANDBOX_WEBHOOK_SWEEP_MS', 500),
  },
  staticRoutes: mountDemo,
});

const shown = `http://localhost:${running.port}`;
console.log(`eSIM renewal sandbox: ${shown}`);
console.log(`Demo page: ${shown}/demo`);
console.log(`API description: ${shown}/openapi.json · data: ${join(dataDir, 'sandbox.db')}`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the sandbox`);
    running.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
