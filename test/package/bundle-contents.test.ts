// What size budgets cannot see: which code an entry carries. Each entry of the built dist/ is bundled as an app's
// bundler would, its `import()`s included (everything it could ever load), and its modules are searched.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as esbuild from 'esbuild';
import { entries } from '../../rollup.config.mjs';

/**
 * The modules (project-relative paths) that end up in a bundle of `dist/<entry>.js`, lazily loaded ones too; or,
 * with `staticOnly`, only those a page loads with the entry itself, its `import()`s left out (as bundlers split them
 * off, and as size-limit measures the entries).
 */
async function modulesOf(entry: string, { staticOnly = false } = {}): Promise<string[]> {
  const result = await esbuild.build({
    entryPoints: [`dist/${entry}.js`],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
    plugins: staticOnly
      ? [
          {
            name: 'leave-out-dynamic-imports',
            setup(build) {
              build.onResolve({ filter: /.*/ }, ({ kind, path }) =>
                kind === 'dynamic-import' ? { path, external: true } : undefined,
              );
            },
          },
        ]
      : [],
  });
  return Object.values(result.metafile.outputs).flatMap((output) =>
    Object.entries(output.inputs).filter(([, input]) => input.bytesInOutput > 0).map(([id]) => id),
  );
}

describe('what the entries carry', () => {
  it("the badge's path holds no checkout, QR or chart code", async () => {
    const modules = await modulesOf('balance-badge');
    assert.ok(modules.some((id) => id.endsWith('components/balance-badge/balance-badge.js')), modules.join('\n'));
    assert.deepEqual(modules.filter((id) => /checkout|qr|chart|usage-meter|usage-summary/i.test(id)), []);
  });

  it("the badge's page loads only the core of the contract: plans, orders and card care come on demand", async () => {
    const schemas = (modules: string[]) => modules.filter((id) => /client\/schemas(\.js|\/)/.test(id)).sort();
    assert.deepEqual(schemas(await modulesOf('balance-badge', { staticOnly: true })), ['dist/client/schemas/core.js']);
    // …and the other parts are still there for the operations that need them, as chunks of their own.
    assert.deepEqual(schemas(await modulesOf('balance-badge')), [
      'dist/client/schemas/care.js',
      'dist/client/schemas/core.js',
      'dist/client/schemas/orders.js',
      'dist/client/schemas/plans.js',
    ]);
  });

  it("no browser entry bundles the servers' parts of the contract (request bodies, the partner API), even lazily", async () => {
    for (const entry of Object.keys(entries).filter((name) => name !== 'server/index')) {
      const modules = await modulesOf(entry);
      assert.deepEqual(modules.filter((id) => /client\/schemas(\.js|\/requests|\/partner)/.test(id)), [], entry);
    }
  });

  it('no entry bundles a QR encoder: the API encodes QR codes, the widget only draws them', async () => {
    for (const entry of ['index', 'define', 'react/index']) {
      assert.deepEqual((await modulesOf(entry)).filter((id) => /lean-qr|qrcode/i.test(id)), [], entry);
    }
  });
});
