/**
 * The plan catalogue as `GET /v1/plans` serves it, built once. Plans change only when the database is seeded (before
 * any route exists), so the rows are read once, each plan's coverage is parsed once, each localized view (per
 * currency and language) is made once, and each distinct answer (the card's coverage, currency, language and the
 * filter) is checked against the contract and serialised once, then served as the same bytes.
 *
 * Before (every request: read 96 rows, parse the card's coverage for each plan, parse every plan's coverage and tags,
 * validate the list): `GET /v1/plans` served 445 req/s, p99 73 ms, beside `GET /v1/card`'s 4,903 in the same run.
 * After: 6,769 req/s, p99 6 ms, beside `GET /v1/card`'s 3,613 (`npm run bench -- sandbox`, shared machine at load 4–5;
 * bench/README.md).
 */
import { gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import { accepts } from 'hono/accepts';
import { PlanList, type Plan, type PlansQuery } from '../src/client/schemas.ts';
import { checkedAnswer } from './openapi.ts';
import type { Lang } from './locale.ts';
import { canRenew, matchesFilter } from './pricing.ts';
import type { CardRow, PlanRow } from './rows.ts';
import { toPlan } from './serialize.ts';

const encoder = new TextEncoder();

/** At most this many distinct answers are kept (a filter is 2–8 letters: the set of possible keys is unbounded). */
const MAX_ANSWERS = 1_000;

export class PlanCatalogue {
  readonly #rows: readonly PlanRow[];
  readonly #views = new Map<string, Plan>();
  readonly #answers = new Map<string, Answer>();

  constructor(rows: readonly PlanRow[]) {
    this.#rows = rows;
  }

  /** The plan as the API shows it in `currency` and `lang`; made once, frozen, shared by every answer. */
  view(plan: PlanRow, currency: string, lang: Lang): Plan {
    const key = `${plan.id}|${currency}|${lang}`;
    let view = this.#views.get(key);
    if (!view) this.#views.set(key, (view = deepFreeze(toPlan(plan, currency, lang))));
    return view;
  }

  /** The plans that can renew `card` and match `filter`, in catalogue order. */
  plansFor(card: CardRow, lang: Lang, filter: PlansQuery): Plan[] {
    return this.#rows
      .filter((plan) => canRenew(card, plan) && matchesFilter(plan, filter))
      .map((plan) => this.view(plan, card.currency, lang));
  }

  /**
   * Answers `GET /v1/plans` for the session's card. The answer depends only on the card's coverage and currency,
   * the language and the filter (regions match case-insensitively), so each distinct one is made once — and
   * gzipped once, for the clients that accept it (every browser): the widget's largest answer on the way to its
   * first data, 25.7 kB of JSON for the demo card, 2.3 kB gzipped, which on a phone abroad is most of its transfer.
   * Not Hono's `compress` middleware: it would gzip the same bytes again on every request and stream them, where
   * this answer is made once and sent whole (the plain-bytes answer is what made this route outrun `GET /v1/card`,
   * see `npm run bench -- sandbox`); the negotiation is Hono's (`accepts`, which honours `q=0`).
   */
  respond(c: Context, card: CardRow, lang: Lang, filter: PlansQuery): Response {
    const key = [card.coverage, card.currency, lang, filter.region?.toUpperCase() ?? '', filter.period ?? ''].join('|');
    let answer = this.#answers.get(key);
    if (answer === undefined) {
      // Checked against the contract and serialised as an operation's `send` does (`c.json` is `JSON.stringify`),
      // once; kept as UTF-8 bytes, since encoding 25 kB of text was the largest cost left per request.
      answer = { json: encoder.encode(JSON.stringify(checkedAnswer(c, PlanList, { plans: this.plansFor(card, lang, filter) }))) };
      if (this.#answers.size >= MAX_ANSWERS) this.#answers.delete(this.#answers.keys().next().value!);
      this.#answers.set(key, answer);
    }
    c.header('Vary', 'Accept-Encoding', { append: true });
    if (accepts(c, { header: 'Accept-Encoding', supports: ['gzip'], default: 'identity' }) === 'gzip') {
      answer.gzip ??= new Uint8Array(gzipSync(answer.json));
      return c.body(answer.gzip, 200, { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
    }
    return c.body(answer.json, 200, { 'Content-Type': 'application/json' });
  }
}

/** One answer of `GET /v1/plans`: its JSON as UTF-8, and the same gzipped once a client has accepted gzip. */
interface Answer {
  json: Uint8Array<ArrayBuffer>;
  gzip?: Uint8Array<ArrayBuffer>;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
