/** Token buckets keyed by partner, card or client address; an empty bucket answers 429 with `Retry-After`. */
import { ApiError } from './errors.ts';

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();
  readonly #perMs: number;

  constructor(
    readonly perMinute: number,
    readonly now: () => number,
  ) {
    this.#perMs = perMinute / 60_000;
  }

  /** Takes one token for `key`, or throws `rate_limited`. */
  take(key: string): void {
    const at = this.now();
    const bucket = this.#buckets.get(key) ?? { tokens: this.perMinute, at };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (at - bucket.at) * this.#perMs);
    bucket.at = at;
    if (bucket.tokens < 1) {
      this.#buckets.set(key, bucket);
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / this.#perMs / 1000));
      throw new ApiError('rate_limited', `Too many requests; retry in ${retryAfter} s`, { retryAfter }, {
        'Retry-After': String(retryAfter),
      });
    }
    bucket.tokens -= 1;
    this.#buckets.set(key, bucket);
    if (this.#buckets.size > 10_000) this.#prune(at);
  }

  #prune(at: number): void {
    for (const [key, bucket] of this.#buckets) {
      if (bucket.tokens + (at - bucket.at) * this.#perMs >= this.perMinute) this.#buckets.delete(key);
    }
  }
}
