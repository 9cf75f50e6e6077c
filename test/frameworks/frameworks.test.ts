// The examples in examples/ as a newcomer would run them, against the package as npm would install it: the tarball
// of `npm pack` is unpacked into examples/node_modules, the examples type-check and are bundled (esbuild) from
// their own sources, then each runs in Debian's Chromium against a real sandbox. Per framework: properties go in
// (the provider's locale switches language), typed events come out (the app shows the plan picked and the
// renewal's result), and a whole renewal is paid by Alipay. The plain HTML page loads the script-tag file twice,
// next to another copy of Lit.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { compileScript, parse } from '@vue/compiler-sfc';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startSandbox, type RunningSandbox } from '../../sandbox/server.ts';
import { createPartnerClient } from '../../src/server/partner.ts';
import { CHROMIUM_ARGS, chromiumPath } from '../harness/chromium.ts';

const EXAMPLES = resolve('examples');
const INSTALLED = join(EXAMPLES, 'node_modules', '@esim-renewal', 'widgets');
const SECRET_KEY = 'sk_test_demo';
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

/** `npm pack`, then unpack the tarball where `npm install` would put it for the examples. */
function installPackedPackage(): void {
  const scratch = mkdtempSync(join(tmpdir(), 'esim-pack-'));
  try {
    const packed = spawnSync('npm', ['pack', '--pack-destination', scratch, '--ignore-scripts', '--json'], { encoding: 'utf8' });
    assert.equal(packed.status, 0, packed.stderr);
    const [{ filename }] = JSON.parse(packed.stdout.replace(/^[^[]*/, ''));
    rmSync(INSTALLED, { recursive: true, force: true });
    mkdirSync(INSTALLED, { recursive: true });
    const untar = spawnSync('tar', ['-xzf', join(scratch, filename), '-C', INSTALLED, '--strip-components=1'], { encoding: 'utf8' });
    assert.equal(untar.status, 0, untar.stderr);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** What Vite's Vue plugin does, in a few lines: compile the SFC with our tags marked as custom elements. */
const vueSfc: esbuild.Plugin = {
  name: 'vue-sfc',
  setup(build) {
    build.onLoad({ filter: /\.vue$/ }, (args) => {
      const { descriptor } = parse(readFileSync(args.path, 'utf8'), { filename: args.path });
      const script = compileScript(descriptor, {
        id: 'renewal-panel',
        inlineTemplate: true,
        // The same option examples/vue/vite.config.ts gives @vitejs/plugin-vue.
        templateOptions: { compilerOptions: { isCustomElement: (tag: string) => tag.startsWith('esim-') } },
      });
      return { contents: script.content, loader: 'ts', resolveDir: join(args.path, '..') };
    });
  },
};

async function bundle(entry: string, extra: Partial<esbuild.BuildOptions> = {}): Promise<string> {
  const result = await esbuild.build({
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    minify: true,
    logLevel: 'silent',
    tsconfig: join(EXAMPLES, 'tsconfig.json'),
    jsx: 'automatic',
    define: {
      'process.env.NODE_ENV': '"production"',
      __VUE_OPTIONS_API__: 'true',
      __VUE_PROD_DEVTOOLS__: 'false',
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    },
    plugins: [vueSfc],
    ...(entry.startsWith('stdin:')
      ? { stdin: { contents: entry.slice(6), resolveDir: EXAMPLES, loader: 'ts' } }
      : { entryPoints: [join(EXAMPLES, entry)] }),
    ...extra,
  });
  return result.outputFiles[0]!.text;
}

/** A page a partner's server would render for an app: the mount point carries the API base and a session token. */
const appPage = (title: string, mount: string, script: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title><link rel="icon" href="data:,"></head>
<body>${mount}<script type="module" src="${script}"></script></body></html>`;

describe('examples: plain HTML, React, Vue and Angular against the packed package', () => {
  let sandbox: RunningSandbox;
  let server: Server;
  let base: string;
  let browser: Browser;
  const files = new Map<string, { body: string; type: string }>();
  const sessions = new Map<string, string>();

  before(async () => {
    installPackedPackage();
    sandbox = await startSandbox({ port: 0, settleDelayMs: 200 });
    const partner = createPartnerClient({ baseUrl: sandbox.url, secretKey: SECRET_KEY });
    // Every example renews a card of its own.
    const cards = { html: '89860000000000000060', react: '89860000000000000029', vue: '89860000000000000037', angular: '89860000000000000011' };
    for (const [name, iccid] of Object.entries(cards)) sessions.set(name, (await partner.createSession({ iccid, locale: 'en' })).token);

    const js = 'text/javascript; charset=utf-8';
    const mount = (tag: string, name: string) =>
      `<${tag} id="app" data-api-base="${sandbox.url}" data-session-token="${sessions.get(name)}"></${tag}>`;
    files.set('/react.js', { body: await bundle('react/main.tsx'), type: js });
    files.set('/vue.js', { body: await bundle('vue/main.ts'), type: js });
    // Angular apps compile ahead of time with the CLI; here the same component compiles just in time.
    files.set('/angular.js', { body: await bundle(`stdin:import '@angular/compiler';\nimport './angular/main';`), type: js });
    files.set('/react', { body: appPage('React', mount('div', 'react'), '/react.js'), type: 'text/html' });
    files.set('/vue', { body: appPage('Vue', mount('div', 'vue'), '/vue.js'), type: 'text/html' });
    files.set('/angular', { body: appPage('Angular', mount('app-root', 'angular'), '/angular.js'), type: 'text/html' });

    // The plain HTML example, as its README says: the script tag from the CDN (here, the packed file) and a token.
    const sdk = '/cdn/@esim-renewal/widgets/dist/esim-renewal.js';
    const html = readFileSync(join(EXAMPLES, 'html/index.html'), 'utf8')
      .replace(/https:\/\/unpkg\.com\/@esim-renewal\/widgets(@[^/]+)?\/dist\/esim-renewal\.js/, sdk)
      .replaceAll('https://renew.example.com', sandbox.url)
      .replace('rs_minted_by_your_server', sessions.get('html')!);
    files.set(sdk, { body: readFileSync(join(INSTALLED, 'dist/esim-renewal.js'), 'utf8'), type: js });
    // …and its chunks beside it, which it loads on demand (the payment steps, other elements, other languages).
    for (const chunk of readdirSync(join(INSTALLED, 'dist/esim-renewal'))) {
      files.set(`${sdk.replace(/\.js$/, '')}/${chunk}`, { body: readFileSync(join(INSTALLED, 'dist/esim-renewal', chunk), 'utf8'), type: js });
    }
    files.set('/html', { body: html, type: 'text/html' });
    // …included twice, next to a widget of the partner's own built with another copy of Lit.
    files.set('/other-lit.js', {
      body: await bundle(
        `stdin:import { LitElement, html } from 'lit';
        class PartnerGreeting extends LitElement { render() { return html\`<p>Hello from the partner's own Lit</p>\`; } }
        customElements.define('partner-greeting', PartnerGreeting);`,
      ),
      type: js,
    });
    files.set('/html-twice', {
      body: html
        .replace('</head>', `<script src="${sdk}" defer></script><script type="module" src="/other-lit.js"></script></head>`)
        .replace('<body>', '<body><partner-greeting></partner-greeting>'),
      type: 'text/html',
    });

    server = createServer((request, response) => {
      const file = files.get(new URL(request.url ?? '/', 'http://x').pathname);
      if (!file) return void response.writeHead(request.url === '/favicon.ico' ? 204 : 404).end();
      // As unpkg and jsDelivr do: the script-tag file's chunks are ES modules, fetched with CORS from other origins.
      response.writeHead(200, { 'Content-Type': file.type, 'Access-Control-Allow-Origin': '*' }).end(file.body);
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: CHROMIUM_ARGS,
    });
  });

  after(async () => {
    await browser?.close();
    await new Promise((done) => (server ? server.close(done) : done(undefined)));
    await sandbox?.close();
    rmSync(join(EXAMPLES, 'node_modules'), { recursive: true, force: true });
  });

  it('the examples type-check against the packed package (events typed by @lit/react)', () => {
    const tsc = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'examples/tsconfig.json'], { encoding: 'utf8' });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
  });

  /** Opens a page and collects its console errors and uncaught exceptions. */
  async function open(path: string, origin = base): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    page.on('pageerror', (error) => problems.push(String(error)));
    await page.goto(new URL(path, origin).href);
    await page.locator('esim-balance-badge [part=data]').waitFor({ timeout: 15_000 });
    return { page, problems };
  }

  /** Picks the second plan and returns its name. */
  async function pickSecondPlan(page: Page): Promise<string> {
    const plan = page.locator('esim-plan-picker [role=radio]').nth(1);
    await plan.click();
    return (await plan.locator('.name').innerText()).trim();
  }

  /** Pays for the selected plan by Alipay; the sandbox's simulated wallet says it was paid. */
  async function renewByAlipay(page: Page, name: string): Promise<void> {
    await page.locator('esim-checkout-button [part=button]').click();
    await page.locator('esim-checkout-button [part=pay]').waitFor();
    await page.locator('esim-checkout-button [part~=methods] input[value=alipay]').check();
    const created = page.waitForResponse((r) => r.url().endsWith('/v1/orders') && r.request().method() === 'POST');
    await page.locator('esim-checkout-button [part=pay]').click();
    const order = (await (await created).json()) as { id: string };
    await page.waitForFunction(() => document.querySelector('esim-checkout-button')?.getAttribute('step') === 'paying');
    const paid = await fetch(`${sandbox.url}/sandbox/orders/${order.id}/simulate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${SECRET_KEY}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ outcome: 'succeed' }),
    });
    assert.equal(paid.status, 200, `${name}: simulating the payment failed`);
  }

  for (const [framework, path] of [
    ['React (@esim-renewal/widgets/react)', '/react'],
    ['Vue (SFC template)', '/vue'],
    ['Angular (standalone component)', '/angular'],
  ] as const) {
    it(`${framework}: properties in, typed events out, a renewal paid end to end`, { timeout: 60_000 }, async () => {
      const { page, problems } = await open(path);
      try {
        assert.match(await page.locator('esim-balance-badge [part=data]').innerText(), /left/);
        const plan = await pickSecondPlan(page);
        await page.getByTestId('selected-plan').filter({ hasText: `Selected: ${plan}` }).waitFor();
        // A property binding: the app's locale state reaches the provider, and every element speaks Chinese.
        await page.getByRole('button', { name: '中文' }).click();
        await page.locator('esim-balance-badge [part=data]').filter({ hasText: '剩余' }).waitFor();
        await renewByAlipay(page, framework);
        await page.getByTestId('status').filter({ hasText: /^Renewed until \d{4}-\d{2}-\d{2}$/ }).waitFor({ timeout: 20_000 });
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    });
  }

  it('plain HTML: the script tag and four tags, events read from the provider', { timeout: 60_000 }, async () => {
    const { page, problems } = await open('/html');
    try {
      const plan = await pickSecondPlan(page);
      await page.locator('#status').filter({ hasText: `Selected: ${plan}` }).waitFor();
      const global = await page.evaluate(() => {
        const sdk = (window as unknown as { EsimRenewal: { version: string; createRenewalClient: unknown } }).EsimRenewal;
        return { version: sdk.version, client: typeof sdk.createRenewalClient };
      });
      assert.deepEqual(global, { version: pkg.version, client: 'function' });
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  it('plain HTML: included twice, next to another copy of Lit, everything still works', { timeout: 60_000 }, async () => {
    const { page, problems } = await open('/html-twice');
    try {
      await page.getByText("Hello from the partner's own Lit").waitFor();
      const plan = await pickSecondPlan(page);
      await page.locator('#status').filter({ hasText: `Selected: ${plan}` }).waitFor();
      const lit = await page.evaluate(() => (window as unknown as { litElementVersions?: string[] }).litElementVersions?.length ?? 0);
      assert.ok(lit >= 2, `expected two copies of Lit on the page, saw ${lit}`);
      await renewByAlipay(page, 'plain HTML');
      await page.locator('#status').filter({ hasText: /^Renewed until / }).waitFor({ timeout: 20_000 });
      assert.deepEqual(problems, []);
    } finally {
      await page.close();
    }
  });

  it("the partner's backend (examples/node): secret key on the server, a session token in the page", { timeout: 60_000 }, async () => {
    const child = spawn(process.execPath, ['partner-server.mjs'], {
      cwd: join(EXAMPLES, 'node'),
      env: { ...process.env, PORT: '0', ESIM_API: sandbox.url, ESIM_SECRET_KEY: SECRET_KEY, ESIM_SDK: `${base}/cdn/@esim-renewal/widgets/dist/esim-renewal.js` },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const url = await new Promise<string>((done, fail) => {
        child.stdout.on('data', (chunk: Buffer) => {
          const match = String(chunk).match(/Partner page: (\S+)/);
          if (match) done(match[1]!);
        });
        child.once('exit', (code) => fail(new Error(`partner-server.mjs exited with ${code}`)));
      });
      const html = await (await fetch(url)).text();
      assert.doesNotMatch(html, /sk_test_/, 'the secret key reached the page');
      assert.match(html, /session-token="rs_/);
      const fresh = (await (await fetch(`${url}api/esim-session`, { method: 'POST' })).json()) as { token: string };
      assert.match(fresh.token, /^rs_/);
      const { page, problems } = await open(new URL(url).pathname, url);
      try {
        assert.match(await page.locator('esim-balance-badge [part=data]').innerText(), /left/);
        assert.deepEqual(problems, []);
      } finally {
        await page.close();
      }
    } finally {
      child.kill();
    }
  });

  it("the partner's backend (examples/node) verifies a real webhook delivery and logs a renewal link that opens the card", { timeout: 60_000 }, async () => {
    const child = spawn(process.execPath, ['partner-server.mjs'], {
      cwd: join(EXAMPLES, 'node'),
      env: { ...process.env, PORT: '0', ESIM_API: sandbox.url, ESIM_SECRET_KEY: SECRET_KEY, ESIM_SDK: `${base}/cdn/@esim-renewal/widgets/dist/esim-renewal.js` },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += String(chunk)));
    const line = (pattern: RegExp) =>
      new Promise<RegExpMatchArray>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`no ${pattern} in the example's log:\n${log}`)), 20_000);
        const check = () => {
          const match = log.match(pattern);
          if (match) {
            clearTimeout(timer);
            child.stdout.off('data', check);
            done(match);
          }
        };
        child.stdout.on('data', check);
        check();
      });
    try {
      await line(/Webhooks: (\S+)/);
      const partner = createPartnerClient({ baseUrl: sandbox.url, secretKey: SECRET_KEY });
      const card = await (await fetch(`${sandbox.url}/sandbox/cards`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${SECRET_KEY}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ template: 'expiring' }), // 5 days left
      })).json() as { id: string; iccid: string };
      // Three days later in the sandbox: the 3-day reminder is signed, delivered, verified and turned into a link.
      const moved = await fetch(`${sandbox.url}/sandbox/clock`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${SECRET_KEY}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ advance: { days: 3 } }),
      });
      assert.equal(moved.status, 200);
      const [, link] = await line(new RegExp(`Renewal link for ${card.iccid} \\(card\\.expiring\\): (\\S+)`));
      assert.doesNotMatch(log, /Refused a webhook/);
      const events = await partner.listEvents({ type: 'card.expiring' });
      assert.ok(events.events.some((e) => e.type === 'card.expiring' && e.data.card.id === card.id && e.data.daysBefore === 3));
      const opened = browser.newPage().then(async (page) => {
        const cardId = page.waitForResponse((r) => new URL(r.url()).pathname === '/v1/card' && r.status() === 200)
          .then(async (r) => ((await r.json()) as { id: string }).id);
        await page.goto(link!);
        await page.locator('esim-balance-badge [part=data]').waitFor({ timeout: 15_000 });
        return { page, cardId: await cardId };
      });
      const { page, cardId } = await opened;
      assert.equal(cardId, card.id, 'the link opened the reminded card on the partner page');
      await page.close();
    } finally {
      child.kill();
    }
  });

  it('Node: importing every entry point (server-side rendering) does not crash, nor does rendering React to HTML', () => {
    // Not the wildcards, the JSON, the script-tag file (a classic script) nor a types-only entry (`./script-tag`).
    const runnable = (key: string) => typeof pkg.exports[key] === 'string' || 'default' in pkg.exports[key];
    const subpaths = Object.keys(pkg.exports).filter(
      (key) => !key.includes('*') && !key.endsWith('.json') && !key.endsWith('.js') && runnable(key),
    );
    const script = `
      const names = ${JSON.stringify(subpaths)};
      for (const subpath of names) await import(subpath === '.' ? '@esim-renewal/widgets' : '@esim-renewal/widgets' + subpath.slice(1));
      (await import('@esim-renewal/widgets/define')).defineAll();
      const { createElement } = await import('react');
      const { renderToString } = await import('react-dom/server');
      const { RenewalPanel } = await import('./react/RenewalPanel.tsx');
      const html = renderToString(createElement(RenewalPanel, { apiBase: 'https://renew.example.com', sessionToken: 'rs_x' }));
      if (!html.includes('<esim-renewal') || !html.includes('<esim-plan-picker')) throw new Error('unexpected HTML: ' + html);
      console.log('ok', names.length);
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: EXAMPLES,
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, /^ok \d+/m);
  });
});
