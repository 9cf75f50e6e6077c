// GET /v1/plans answers from a catalogue built once (sandbox/catalogue.ts). These tests hold the answers to the
// plans computed the plain way, straight from the rows, for cards of every coverage and currency, every language
// and the filters; show that the catalogue is read once, when the database was seeded; and that browsers get it
// gzipped.
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { after, describe, it } from 'node:test';
import { PlanList } from '../../src/client/schemas.ts';
import { LANGS, type Lang } from '../../sandbox/locale.ts';
import type { CardRow, PlanRow } from '../../sandbox/rows.ts';
import { toPlan } from '../../sandbox/serialize.ts';
import { ICCID, call, freshCard, sessionFor, testSandbox } from './helpers.ts';

const QUERIES = ['', '?region=jp', '?region=JP', '?region=EU&period=year', '?period=day', '?region=FR&period=day', '?region=xx', '?region=Asia&period=month'];

describe('the plan catalogue', () => {
  // A session per card and language: more than the 60 a minute a partner may mint.
  const sandbox = testSandbox({ rateLimits: { sessionsPerMinute: 10_000 } });
  after(() => sandbox.close());

  /** The answer made the plain way: every row read and parsed, then checked by the contract's schema. */
  function plainAnswer(iccid: string, lang: Lang, query: string): string {
    const card = sandbox.db.prepare('SELECT * FROM cards WHERE iccid = ?').get(iccid) as CardRow;
    const rows = sandbox.db.prepare('SELECT * FROM plans ORDER BY position').all() as PlanRow[];
    const params = new URLSearchParams(query);
    const region = params.get('region')?.toUpperCase();
    const period = params.get('period');
    const cardCoverage = JSON.parse(card.coverage) as string[];
    const plans = rows
      .filter((plan) => (JSON.parse(plan.coverage) as string[]).every((code) => cardCoverage.includes(code)))
      .filter((plan) => !period || plan.period === period)
      .filter((plan) => !region || plan.region === region || (JSON.parse(plan.coverage) as string[]).includes(region))
      .map((plan) => toPlan(plan, card.currency, lang));
    return JSON.stringify(PlanList.parse({ plans }));
  }

  it('answers byte for byte what the rows give, for every card, currency, language and filter, and again', async () => {
    const cards: string[] = Object.values(ICCID).filter((iccid) => iccid !== ICCID.other);
    for (const template of ['active', 'japan_only', 'unlimited'] as const) {
      for (const currency of ['CNY', 'USD'] as const) {
        cards.push((await freshCard(sandbox, template, currency)).card.iccid);
      }
    }
    let compared = 0;
    for (const iccid of cards) {
      for (const lang of LANGS) {
        const token = await sessionFor(sandbox, iccid, { locale: lang });
        for (const query of QUERIES) {
          const expected = plainAnswer(iccid, lang, query);
          for (const round of ['first', 'repeated']) {
            const reply = await call(sandbox, 'GET', `/v1/plans${query}`, { token });
            assert.equal(reply.status, 200);
            assert.equal(reply.headers.get('content-type'), 'application/json');
            assert.equal(reply.text, expected, `${iccid} ${lang} ${query} (${round})`);
            compared += 1;
          }
        }
      }
    }
    assert.ok(compared >= 14 * 2 * QUERIES.length * 2);
  });

  it('is gzipped for a client that accepts gzip (every browser): the same JSON in a tenth of the bytes', async () => {
    const token = await sessionFor(sandbox, ICCID.active, { locale: 'en' });
    const plain = await call(sandbox, 'GET', '/v1/plans', { token });
    const get = (acceptEncoding: string) =>
      sandbox.app.request('/v1/plans', { headers: { Authorization: `Bearer ${token}`, 'Accept-Encoding': acceptEncoding } });
    for (const round of ['first', 'repeated']) {
      const zipped = await get('gzip, deflate, br, zstd'); // what Chromium sends
      assert.equal(zipped.status, 200);
      assert.equal(zipped.headers.get('content-encoding'), 'gzip', round);
      assert.equal(zipped.headers.get('content-type'), 'application/json');
      assert.match(zipped.headers.get('vary') ?? '', /Accept-Encoding/);
      const bytes = Buffer.from(await zipped.arrayBuffer());
      assert.equal(gunzipSync(bytes).toString('utf8'), plain.text, round);
      assert.ok(bytes.length * 5 < Buffer.byteLength(plain.text), `${bytes.length} of ${Buffer.byteLength(plain.text)} bytes`);
    }
    // Not asked for, or refused: the plain JSON, which says it depends on Accept-Encoding too.
    for (const refusal of ['identity', 'gzip;q=0, identity', 'br']) {
      const reply = await get(refusal);
      assert.equal(reply.headers.get('content-encoding'), null, refusal);
      assert.equal(await reply.text(), plain.text, refusal);
    }
    assert.match(plain.headers.get('vary') ?? '', /Accept-Encoding/);
  });

  it('is read once, when the database was seeded: a later change to the plans table is not served', async () => {
    const token = await sessionFor(sandbox, ICCID.active);
    const before = await call(sandbox, 'GET', '/v1/plans?region=JP&period=day', { token });
    assert.ok(before.text.includes('"jp-day-1gb"'));
    const rename = sandbox.db.prepare<[string], void>("UPDATE plans SET name_en = ? WHERE id = 'jp-day-1gb'");
    const { name_en: seeded } = sandbox.db.prepare("SELECT name_en FROM plans WHERE id = 'jp-day-1gb'").get() as PlanRow;
    rename.run('Renamed after seeding');
    try {
      for (const query of ['?region=JP&period=day', '?region=jp', '']) {
        const reply = await call(sandbox, 'GET', `/v1/plans${query}`, { token, headers: { 'Esim-Locale': 'en' } });
        assert.equal(reply.status, 200);
        assert.ok(!reply.text.includes('Renamed after seeding'), query);
      }
    } finally {
      rename.run(seeded);
    }
  });
});
