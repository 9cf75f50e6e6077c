// What size budgets cannot see: which code an entry carries. Each entry of the built dist/ is bundled as an app's
// bundler would, its `import()`s included (everything it could ever load), and its modules are searched.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as esbuild from 'esbuild';

/** The modules (project-relative paths) that end up in a bundle of `dist/<entry>.js`, lazily loaded ones too. */
async function modulesOf(entry: string): Promise<string[]> {
  const result = await esbuild.build({
    entryPoints: [`dist/${entry}.js`],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
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

  it('no entry bundles a QR encoder: the API encodes QR codes, the widget only draws them', async () => {
    for (const entry of ['index', 'define', 'react/index']) {
      assert.deepEqual((await modulesOf(entry)).filter((id) => /lean-qr|qrcode/i.test(id)), [], entry);
    }
  });
});
