import type { RenewalClient } from '../client/client.js';
import { asRenewalError, type RenewalError } from '../client/errors.js';
import type { Card, Plan, Usage } from '../client/schemas.js';

/** A value loaded from the API: what the elements render from. `value` survives a failed reload. */
export type Loadable<T> =
  | { status: 'idle'; value?: undefined }
  | { status: 'loading'; value?: T }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: RenewalError; value?: T };

export interface RenewalState {
  card: Loadable<Card>;
  plans: Loadable<Plan[]>;
  /** Daily data use, oldest first; absent until a usage meter asks for it (`loadUsage`, src/context/usage.ts). */
  usage?: Loadable<Usage>;
  /**
   * The id of the plan to renew with: chosen in a picker, named by `plan-id` or by a hand-off link, possibly before
   * the plans are loaded. Written only by `selectPlan()`.
   */
  selectedPlanId?: string;
  /** That plan, once the plans are loaded; undefined while they are not, or when none has that id. */
  selectedPlan?: Plan;
}

type Listener = (state: RenewalState) => void;

/**
 * The one state every element under an `<esim-renewal>` shares: the card, its plans, its daily use and the selected
 * plan. Loads are deduplicated — three elements asking for the card make one request — and never reject: failures
 * land in the state for the elements to show. Every change notifies every element, so the state holds only what
 * elements render (a checkout's order is the checkout's own).
 */
export class RenewalStore {
  state: RenewalState = { card: { status: 'idle' }, plans: { status: 'idle' } };
  private readonly listeners = new Set<Listener>();
  private readonly inflight = new Map<'card' | 'plans', Promise<void>>();

  constructor(readonly client: RenewalClient) {}

  /**
   * The store to read this card in `locale`. A store of one language, as an element's own (without a provider)
   * is, answers with itself; the provider's store (`MultilingualStore`, src/context/language-views.ts) makes a view
   * per language.
   */
  inLocale(_locale: string): RenewalStore {
    return this;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected set(patch: Partial<RenewalState>): void {
    const state = { ...this.state, ...patch };
    // The selected plan is always the loaded plan of the selected id: plans read again (in another language, say)
    // replace it, and a plan named before the plans arrived is found when they do.
    state.selectedPlan = state.plans.value?.find((plan) => plan.id === state.selectedPlanId);
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }

  /** Loads the card once; `force` reads it again (after a renewal, or a retry). */
  loadCard(options: { force?: boolean } = {}): Promise<void> {
    return this.load('card', options.force, () => this.client.getCard());
  }

  /** Loads every plan that can renew the card, once; elements filter by period and region locally. */
  loadPlans(options: { force?: boolean } = {}): Promise<void> {
    return this.load('plans', options.force, () => this.client.listPlans());
  }

  private load<K extends 'card' | 'plans'>(
    key: K,
    force: boolean | undefined,
    fetcher: () => Promise<NonNullable<RenewalState[K]['value']>>,
  ): Promise<void> {
    const running = this.inflight.get(key);
    if (running) return running;
    const status = this.state[key].status;
    if (!force && (status === 'ready' || status === 'loading')) return Promise.resolve();
    const promise = this.fetch(key, fetcher).finally(() => this.inflight.delete(key));
    this.inflight.set(key, promise);
    return promise;
  }

  /**
   * @internal Reads one part of the state from the API: `loading`, then `ready` or `error`, keeping the last value
   * meanwhile. The store is the one writer of its state; the usage history (src/context/usage.ts) reads through here.
   */
  fetch<K extends 'card' | 'plans' | 'usage'>(
    key: K,
    fetcher: () => Promise<NonNullable<RenewalState[K]>['value'] & {}>,
  ): Promise<void> {
    const value = this.state[key]?.value;
    this.set({ [key]: { status: 'loading', value } });
    return fetcher().then(
      (fresh) => this.set({ [key]: { status: 'ready', value: fresh } }),
      (error: unknown) => this.set({ [key]: { status: 'error', error: asRenewalError(error), value } }),
    );
  }

  /**
   * Selects the plan to renew with, by id (undefined or empty: none) — the only way the selection changes. The plan
   * need not be loaded yet: it is selected when the plans arrive (a hand-off link or `plan-id` names it early).
   */
  selectPlan(planId: string | undefined): void {
    if ((planId || undefined) !== this.state.selectedPlanId) this.set({ selectedPlanId: planId || undefined });
  }

  /**
   * Asks the API for `locale` from now on (the client's `Esim-Locale`), and reads the card and the plans again if
   * they were read in another language, so plan and region names follow; the selected plan stays selected.
   */
  setLocale(locale: string): void {
    if (this.client.locale === locale) return;
    this.client.setLocale(locale);
    for (const key of ['card', 'plans'] as const) {
      if (this.state[key].status === 'idle') continue;
      // A read already on its way asks in the old language: read again once it is back.
      const running = this.inflight.get(key) ?? Promise.resolve();
      void running.then(() => (key === 'card' ? this.loadCard({ force: true }) : this.loadPlans({ force: true })));
    }
  }

  /** A card read fresh from the API (e.g. the one a succeeded order embeds). */
  setCard(card: Card): void {
    this.set({ card: { status: 'ready', value: card } });
  }
}
