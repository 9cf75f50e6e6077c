// The elements' money formatting (src/i18n/format.ts): amounts in minor units shown with exactly the decimals of
// their currency's minor unit (ISO 4217, src/client/money.ts): whole yen and won, cents elsewhere.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatMoney } from '../../src/i18n/format.ts';

describe('formatMoney', () => {
  it('shows whole yen and won, and ISO decimals even where CLDR shows none', () => {
    assert.equal(formatMoney({ amount: 1200, currency: 'JPY' }, 'en'), '¥1,200');
    assert.equal(formatMoney({ amount: 1200, currency: 'JPY' }, 'ja'), '￥1,200');
    assert.equal(formatMoney({ amount: 3400, currency: 'KRW' }, 'ko'), '₩3,400');
    assert.equal(formatMoney({ amount: 8000, currency: 'TWD' }, 'zh-TW'), '$80.00');
    assert.equal(formatMoney({ amount: 1500, currency: 'CNY' }, 'en'), 'CN¥15.00');
    // CLDR shows rupiah without decimals; an amount in sen is still exact.
    const spaced = (text: string) => text.replace(/\s/g, ' ');
    assert.equal(spaced(formatMoney({ amount: 1_500_050, currency: 'IDR' }, 'en')), 'IDR 15,000.50');
    assert.equal(spaced(formatMoney({ amount: 1235, currency: 'KWD' }, 'en')), 'KWD 1.235');
  });
});
