// A web-test-runner plugin that starts the real sandbox server in a child process before the browser tests and
// stops it after, and plays the partner's backend for the tests: `POST /__partner/session` creates a fresh demo
// card from a template (so tests never share state) and mints a session token for it with the secret key — the
// way a partner's server would. The secret key never reaches the browser.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const SECRET_KEY = 'sk_test_demo';

function startProcess() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/harness/sandbox-process.ts'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env },
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const timer = setTimeout(() => reject(new Error('The sandbox did not start within 30 s')), 30_000);
    child.once('exit', (code) => reject(new Error(`The sandbox exited early with code ${code}`)));
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return;
      clearTimeout(timer);
      resolve({ child, url: JSON.parse(line).url });
    });
  });
}

async function partnerCall(baseUrl, method, path, body) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${SECRET_KEY}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} failed: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

async function readJson(ctx) {
  let raw = '';
  for await (const chunk of ctx.req) raw += chunk;
  return raw ? JSON.parse(raw) : {};
}

/**
 * Returns the plugin (starts and stops the sandbox) and the middleware (the partner backend), which must go in the
 * config's `middleware` so it runs before the dev server's own file serving.
 */
export function sandboxHarness() {
  let sandbox;
  const middleware = async (ctx, next) => {
    if (!ctx.path.startsWith('/__partner/')) return next();
    try {
      if (ctx.path === '/__partner/config') {
        ctx.body = { baseUrl: sandbox.url };
      } else if (ctx.path === '/__partner/activation') {
        // The card's current activation code, as the partner's back office knows it.
        ctx.body = await partnerCall(sandbox.url, 'GET', `/sandbox/cards/${ctx.query.iccid}/activation`);
      } else if (ctx.path === '/__partner/session' && ctx.method === 'POST') {
        const { template, iccid, currency, locale, ttlSeconds } = await readJson(ctx);
        const card = iccid
          ? { iccid }
          : await partnerCall(sandbox.url, 'POST', '/sandbox/cards', { template, currency });
        const session = await partnerCall(sandbox.url, 'POST', '/v1/sessions', {
          iccid: card.iccid,
          locale,
          ttlSeconds,
        });
        ctx.body = { baseUrl: sandbox.url, iccid: card.iccid, ...session };
      } else {
        ctx.status = 404;
      }
    } catch (error) {
      ctx.status = 500;
      ctx.body = { error: String(error) };
    }
  };
  const plugin = {
    name: 'esim-sandbox',
    async serverStart() {
      sandbox = await startProcess();
    },
    async serverStop() {
      if (!sandbox) return;
      const exited = new Promise((resolve) => sandbox.child.once('exit', resolve));
      sandbox.child.kill('SIGTERM');
      await exited;
    },
  };
  return { plugin, middleware };
}
