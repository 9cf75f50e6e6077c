/**
 * The rows of the sandbox's tables, as better-sqlite3 returns them: times in epoch milliseconds, JSON arrays as text.
 * Types only, so that every layer (storage, the pure seed and pricing rules, the serialisers) can name them.
 */

export interface PartnerRow {
  id: string; name: string; key_hash: string;
  /** JSON array of the origins the partner's pages may be on (return URLs, hand-off pages). */
  origins: string | null;
  /** The page renewal links open: a URL, or a path on the sandbox's own origin (`/demo`). */
  renewal_page: string | null;
  /** How far the partner's sandbox time is ahead of real time (`sandbox/clock.ts`). */
  clock_offset_ms: number;
}

export interface PlanRow {
  id: string; position: number; region: string; period: 'day' | 'month' | 'year'; duration_days: number;
  data_bytes: number | null; coverage: string; name_en: string; name_zh: string; region_name_en: string;
  region_name_zh: string; price_cny: number; price_usd: number; compare_cny: number | null; compare_usd: number | null;
  tags: string;
  /**
   * JSON object of the price in every currency the catalogue is priced in (`seed/prices.ts`), in minor units; and
   * the compare-at price likewise, or null. `price_cny`/`price_usd` (and `compare_*`) are the first release's columns.
   */
  prices: string; compare_prices: string | null;
}

export interface CardRow {
  id: string; partner_id: string; iccid: string; label: string; plan_id: string; currency: string; coverage: string;
  valid_from: number; expires_at: number; remaining_bytes: number | null; total_bytes: number | null;
  renewal_count: number; suspended: number; auto_renew: number; auto_renew_plan_id: string | null; created_at: number;
  /** Store credit in minor units of `currency`. */
  credit_amount: number; contact: string | null; device_brand: string | null; device_model: string | null;
}

export interface PromoRow {
  code: string; percent_off: number; starts_at: number; ends_at: number; max_uses: number | null; uses: number;
  /**
   * A fixed amount off instead of a percentage: JSON object of the amount in minor units of every currency the
   * catalogue is priced in (`seed/prices.ts`); null for a percentage code.
   */
  amounts_off: string | null;
}

export interface SessionRow {
  id: string; token_hash: string; card_id: string; locale: string | null; expires_at: number; created_at: number;
  /** When the session was ended by a move of the card to another phone; null while it is good. */
  revoked_at?: number | null;
}

export interface QuoteRow {
  id: string; card_id: string; plan_id: string; quantity: number; promo_code: string | null; body: string;
  expires_at: number; created_at: number;
}

export interface OrderRow {
  id: string; card_id: string; quote_id: string;
  status: 'requires_payment' | 'processing' | 'succeeded' | 'failed' | 'canceled';
  payment_method: 'card' | 'alipay' | 'wechat_pay'; return_url: string | null; public_base: string;
  action_expires_at: number | null; failure_code: string | null; settle_at: number | null;
  created_at: number; updated_at: number;
  /** Set at settlement: the renewal's period [period_start, renewed_until] and the data it added (null: unlimited). */
  renewed_until: number | null; period_start: number | null; added_bytes: number | null;
  /** The card before the renewal, for a full refund of an unlimited plan. */
  prev_plan_id: string | null; prev_remaining_bytes: number | null; prev_total_bytes: number | null;
  /** Store credit the order consumed when it succeeded. */
  credit_used: number;
  /** Store credit the order took from its quote: held while it is live, spent (as `credit_used`) when it succeeds. */
  credit_reserved: number;
  /** Where the widget ran (`PAYMENT_ENVS`); null for an order made without one, which is `desktop`. */
  payment_env: 'desktop' | 'mobile_browser' | 'wechat' | 'alipay' | 'wechat_miniprogram' | null;
  /** The wallet's reference for the payment: Alipay's trade number, WeChat Pay's prepay id; null for a card. */
  provider_ref: string | null;
  /** When the provider side of the payment (wallet trade, hosted session) was closed; null while it can be paid. */
  payment_closed_at: number | null;
}

export interface RefundRow {
  id: string; order_id: string; card_id: string; idempotency_key: string; body_hash: string; note: string | null;
  status: 'requested' | 'approved' | 'rejected'; outcome: 'full' | 'credit' | 'rejected'; amount: number;
  currency: string; reason: string; decide_at: number; decided_at: number | null; created_at: number;
}

export interface TransferRow {
  id: string; card_id: string; brand: string; model: string; status: 'verifying' | 'completed' | 'locked';
  channel: 'sms' | 'email'; destination: string; code_hash: string; code_plain: string; attempts_left: number;
  expires_at: number; completed_at: number | null; created_at: number;
}

export interface ActivationRow {
  code: string; card_id: string; state: 'ready' | 'installed' | 'transferred'; expires_at: number | null;
  installed_at: number | null; created_at: number;
}

export interface HandoffRow {
  code_hash: string; card_id: string; plan_id: string | null; locale: string | null; expires_at: number;
  claimed_at: number | null; created_at: number;
}
