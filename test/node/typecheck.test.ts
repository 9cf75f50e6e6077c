// The sources type-check as a whole. The build's `tsc` emits declarations for the npm entries only, so this is where
// src/cdn.ts (the script-tag entry, which checks that its exports match the published `EsimRenewal` typings) and the
// sandbox with its tests are checked, and the type tests (test/types: what a partner's TypeScript must and must not
// accept).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';

const tsc = (project: string) =>
  spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '--noEmit', '-p', project], { encoding: 'utf8' });

describe('type-check', () => {
  for (const project of ['tsconfig.json', 'sandbox/tsconfig.json', 'test/types/tsconfig.json']) {
    it(`${project} has no type errors`, () => {
      const result = tsc(project);
      assert.equal(result.status, 0, result.stdout + result.stderr);
    });
  }
});
