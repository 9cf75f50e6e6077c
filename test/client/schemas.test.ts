// Where the contract's schemas were rewritten to ship less zod (src/client/schemas/), the rewrite must accept exactly
// what the original accepted and parse it to the same value. The originals are written here as the reference, and
// fast-check compares the two on generated answers, valid and broken.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { Timestamp } from '../../src/client/schemas/core.js';
import { QrCode } from '../../src/client/schemas/plans.js';
import { PaymentAction } from '../../src/client/schemas/orders.js';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** `QrCode.modules` as it was written: a length check and the base64 pattern. */
const modulesAsWritten = z
  .string()
  .check(z.maxLength(5224), z.regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/));

/**
 * `PaymentAction` as a union discriminated by `type`, as it was written, with the options issue 17 added (a redirect's
 * `flow` and `expiresAt`, the `app_bridge` action).
 */
const paymentActionAsWritten = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('redirect'),
    url: z.string().check(z.regex(/^https?:\/\//i)),
    flow: z.optional(z.string()),
    expiresAt: z.optional(Timestamp),
  }),
  z.object({
    type: z.literal('qr'),
    data: z.string().check(z.regex(/^(?![\s\x00-\x1f]*(?:javascript|data|vbscript):)[^\t\n\r]*$/i)),
    qr: QrCode,
    expiresAt: Timestamp,
  }),
  z.object({
    type: z.literal('app_bridge'),
    bridge: z.literal('alipay_trade_pay'),
    tradeNo: z.string().check(z.regex(/^[0-9A-Za-z_-]{8,64}$/)),
    expiresAt: Timestamp,
  }),
]);

const same = (a: z.ZodMiniType, b: z.ZodMiniType, input: unknown) => {
  const [left, right] = [a.safeParse(input), b.safeParse(input)];
  expect(left.success, JSON.stringify(input)?.slice(0, 200)).to.equal(right.success);
  if (left.success && right.success) expect(left.data).to.deep.equal(right.data);
};

/** The base64 of `bytes` random bytes: what the API sends for a code of `bytes` × 8 modules, give or take. */
const base64Of = (bytes: number) => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(bytes))));

describe('the contract, rewritten to ship less zod', () => {
  it("a QR code's modules: base64 of at most 5224 characters, the largest code's, exactly as before", () => {
    const modules = QrCode.shape.modules;
    // The largest code, 177 × 177 modules: 3917 bytes, 5224 characters.
    expect(modules.safeParse(base64Of(Math.ceil((177 * 177) / 8))).success).to.equal(true);
    for (const bytes of [0, 1, 2, 3, 54, 3915, 3916, 3917, 3918, 3919, 3920, 3921]) {
      same(modules, modulesAsWritten, base64Of(bytes));
    }
    const base64ish = fc.string({ unit: fc.constantFrom(...BASE64, '=', '-', ' '), maxLength: 40 });
    fc.assert(
      fc.property(fc.nat({ max: 1310 }), base64ish, (groups, tail) => same(modules, modulesAsWritten, 'AAAA'.repeat(groups) + tail)),
      { numRuns: 500 },
    );
  });

  it('a payment action: a plain union accepts and parses exactly what the discriminated union did', () => {
    const qr = { size: 21, modules: base64Of(56) };
    const action = fc.oneof(
      fc.record(
        { type: fc.constantFrom('redirect', 'qr', 'wallet'), url: fc.constantFrom('https://pay.example/1', 'javascript:alert(1)', 'HTTP://x') },
        { requiredKeys: [] },
      ),
      fc.record(
        {
          type: fc.constantFrom('qr', 'redirect'),
          data: fc.constantFrom('weixin://wxpay/1', 'alipays://platformapi', ' javascript:x', 'data:text/html,x'),
          qr: fc.constantFrom(qr, { size: 20, modules: '' }, null),
          expiresAt: fc.constantFrom('2026-12-01T08:00:00Z', '2026-13-01T08:00:00Z'),
          url: fc.constant('https://extra.example'),
        },
        { requiredKeys: ['type'] },
      ),
      fc.record(
        {
          type: fc.constantFrom('app_bridge', 'redirect'),
          bridge: fc.constantFrom('alipay_trade_pay', 'wechat'),
          tradeNo: fc.constantFrom('2026120222001234567890123456', 'javascript:x', ''),
          flow: fc.constantFrom('wechat_jsapi', 'alipay_wap', 7),
          expiresAt: fc.constantFrom('2026-12-01T08:00:00Z', 'soon'),
          url: fc.constantFrom('https://pay.example/1', 'javascript:alert(1)'),
        },
        { requiredKeys: ['type'] },
      ),
      fc.jsonValue({ maxDepth: 2 }),
    );
    fc.assert(fc.property(action, (input) => same(PaymentAction, paymentActionAsWritten, input)), { numRuns: 1000 });
    // A script URL split by a tab or a line break, which a URL parser would join again, is refused too.
    for (const data of ['java\tscript:alert(1)', 'jav\nascript:alert(1)', 'javascript\r:alert(1)', '\u0001javascript:x']) {
      const qr = { size: 21, modules: base64Of(56) };
      const parsed = PaymentAction.safeParse({ type: 'qr', data, qr, expiresAt: '2026-12-02T10:00:00Z' });
      expect(parsed.success, JSON.stringify(data)).to.equal(false);
    }
    // Where the answer is dangerous, it still says where: a script as a redirect is wrong at `url`.
    const error = PaymentAction.safeParse({ type: 'redirect', url: 'javascript:alert(1)' }).error;
    expect(error?.issues.map((issue) => issue.path.join('.'))).to.deep.equal(['url']);
  });
});
