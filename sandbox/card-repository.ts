/** Prepared statements over partners, cards, the plan catalogue and promo codes: one method per question. */
import type { Db } from './db.ts';
import type { CardRow, PartnerRow, PlanRow, PromoRow } from './rows.ts';

export class CardRepository {
  readonly #s;

  constructor(db: Db) {
    this.#s = {
      partnerByKeyHash: db.prepare<[string], PartnerRow>('SELECT * FROM partners WHERE key_hash = ?'),
      partner: db.prepare<[string], PartnerRow>('SELECT * FROM partners WHERE id = ?'),
      card: db.prepare<[string], CardRow>('SELECT * FROM cards WHERE id = ?'),
      cardByIccid: db.prepare<[string], CardRow>('SELECT * FROM cards WHERE iccid = ?'),
      cardsOfPartner: db.prepare<[string], CardRow>('SELECT * FROM cards WHERE partner_id = ? ORDER BY created_at, iccid'),
      setAutoRenew: db.prepare<[number, string | null, string], void>(
        'UPDATE cards SET auto_renew = ?, auto_renew_plan_id = ? WHERE id = ?'),
      useData: db.prepare<[number, string], void>(
        'UPDATE cards SET remaining_bytes = MAX(0, remaining_bytes - ?) WHERE id = ? AND remaining_bytes IS NOT NULL'),
      plan: db.prepare<[string], PlanRow>('SELECT * FROM plans WHERE id = ?'),
      plans: db.prepare<[], PlanRow>('SELECT * FROM plans ORDER BY position'),
      promo: db.prepare<[string], PromoRow>('SELECT * FROM promo_codes WHERE code = ?'),
    };
  }

  partnerByKeyHash = (hash: string) => this.#s.partnerByKeyHash.get(hash);
  partner = (id: string) => this.#s.partner.get(id);
  card = (id: string) => this.#s.card.get(id);
  cardByIccid = (iccid: string) => this.#s.cardByIccid.get(iccid);
  cardsOfPartner = (partnerId: string) => this.#s.cardsOfPartner.all(partnerId);
  setAutoRenew = (cardId: string, enabled: boolean, planId: string | null) =>
    this.#s.setAutoRenew.run(enabled ? 1 : 0, planId, cardId);
  /** The traveller used `bytes` of data (never below zero; unlimited cards are left alone). */
  useData = (cardId: string, bytes: number) => this.#s.useData.run(bytes, cardId);
  plan = (id: string) => this.#s.plan.get(id);
  plans = () => this.#s.plans.all();
  promo = (code: string) => this.#s.promo.get(code);
}
