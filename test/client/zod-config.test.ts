// zod 4 can compile object parsers with `new Function`, and first probes whether `eval` works: on a page whose CSP
// has no 'unsafe-eval' (or that requires Trusted Types) that probe alone is a reported violation. The client turns
// it off (`jitless`) before building its schemas. The strict-CSP pages (test/security/browser.test.ts,
// test/chaos/ui.test.ts) count violations; here, on a plain page, we count the functions built from strings.
import { expect } from '@open-wc/testing';
// Importing the client first is the point: its setting is zod's global one, which every copy of zod 4 reads.
import { createRenewalClient } from '../../src/index.js';
import * as zod from 'zod';

describe('zod inside the client', () => {
  it('builds no function from a string, not even for the classic zod objects of a page', () => {
    expect(createRenewalClient).to.be.a('function');
    const built: string[] = [];
    const original = globalThis.Function;
    globalThis.Function = new Proxy(original, {
      construct(target, args: string[]) {
        built.push(String(args.at(-1)));
        return Reflect.construct(target, args) as object;
      },
    });
    try {
      const Traveller = zod.object({ name: zod.string(), days: zod.number() });
      expect(Traveller.parse({ name: 'Mei', days: 7, extra: true })).to.deep.equal({ name: 'Mei', days: 7 });
      expect(Traveller.safeParse({ name: 'Mei' }).success).to.equal(false);
    } finally {
      globalThis.Function = original;
    }
    expect(built).to.deep.equal([]);
  });
});
