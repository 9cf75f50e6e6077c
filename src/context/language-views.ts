import type { RenewalClient } from '../client/client.js';
import type { Card } from '../client/schemas.js';
import { RenewalStore } from './store.js';

/**
 * The provider's store: the card's data in the provider's language, and a view of it in each other language an
 * element inside asks for (`inLocale`). An element's own store, without a provider, speaks only its element's
 * language and does without this (the badge-only page never loads it).
 */
export class MultilingualStore extends RenewalStore {
  /** The same card's data in other languages, one store each, made the first time an element asks (`inLocale`). */
  private readonly views = new Map<string, MultilingualStore>();

  /**
   * @param root The store this one is a language view of: the selection is the root's, and a renewed card is read
   *   again by both.
   */
  constructor(
    client: RenewalClient,
    private readonly root?: MultilingualStore,
  ) {
    super(client);
    // A view's selection is the root's: it writes through `selectPlan` and follows the root's here.
    root?.subscribe(({ selectedPlanId }) => {
      if (selectedPlanId !== this.state.selectedPlanId) this.set({ selectedPlanId });
    });
    if (root) this.state = { ...this.state, selectedPlanId: root.state.selectedPlanId };
  }

  /**
   * The store to read this card in `locale`: this one when the API is asked in it already, else a view of its own
   * whose card and plans come from the API in `locale` (an element with a `locale` of its own, inside a provider of
   * another language, shows the plan names of its language). Each view is the one writer of its data; the selected
   * plan stays this store's, and the views follow it.
   */
  override inLocale(locale: string): RenewalStore {
    if (this.root) return this.root.inLocale(locale);
    if (locale === this.client.locale || !this.client.withLocale) return this;
    let view = this.views.get(locale);
    if (!view) this.views.set(locale, (view = new MultilingualStore(this.client.withLocale(locale), this)));
    return view;
  }

  /** Selects the plan to renew with in the root store, whose selection every view follows. */
  override selectPlan(planId: string | undefined): void {
    if (this.root) this.root.selectPlan(planId);
    else super.selectPlan(planId);
  }

  /** A card read fresh from the API; the same card in the other languages shown is read again, in each one's. */
  override setCard(card: Card): void {
    super.setCard(card);
    const root = this.root ?? this;
    for (const other of [root, ...root.views.values()]) {
      if (other !== this && other.state.card.status !== 'idle') void other.loadCard({ force: true });
    }
  }
}
