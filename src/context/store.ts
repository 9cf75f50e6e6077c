import type { RenewalClient } from '../client/client.js';
import { asRenewalError, type RenewalError } from '../client/errors.js';
import type { Card, Order, Plan, Usage } from '../client/schemas.js';

/** A value loaded from the API: what the elements render from. `value` survives a failed reload. */
export type Loadable<T> =
  | { status: 'idle'; value?: undefined }
  | { status: 'loading'; value?: T }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: RenewalError; value?: T };

/** Where the partner's travellers get help; shown on error and success views. */
export interface SupportContact {
  /** A help page; the masked card number and order id are added as `esim_card` and `esim_order`. */
  url?: string;
  /** An e-mail address; the subject and body are prefilled. */
  email?: string;
  /** A phone number. */
  phone?: string;
  /** A chat link; gets the same parameters as `url`. */
  chat?: string;
}

export interface RenewalState {
  card: Loadable<Card>;
  plans: Loadable<Plan[]>;
  /** Daily data use, oldest first; absent until an element asks for it with `loadUsage()`. */
  usage?: Loadable<Usage>;
  selectedPlan?: Plan;
  order?: Order;
}

type Listener = (state: RenewalState) => void;

/**
 * The one state every element under an `<esim-renewal>` shares: the card, its plans, the selected plan and the
 * current order. Loads are deduplicated — three elements asking for the card make one request — and never reject:
 * failures land in the state for the elements to show.
 */
export class RenewalStore {
  state: RenewalState = { card: { status: 'idle' }, plans: { status: 'idle' } };
  /** The provider's locale, when it has one; elements fall back to the page's `lang`. */
  locale?: string;
  support: SupportContact = {};
  /** Where a traveller whose card cannot be renewed buys a new eSIM. */
  buyUrl?: string;
  private readonly listeners = new Set<Listener>();
  private preselectId?: string;
  private readonly inflight = new Map<'card' | 'plans', Promise<void>>();
  private usageLoad?: { days: number; promise: Promise<void> };

  constructor(readonly client: RenewalClient) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(patch: Partial<RenewalState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }

  /** Loads the card once; `force` reads it again (after a renewal, or a retry). */
  loadCard(options: { force?: boolean } = {}): Promise<void> {
    return this.load('card', options.force, () => this.client.getCard());
  }

  /** Loads every plan that can renew the card, once; elements filter by period and region locally. */
  loadPlans(options: { force?: boolean } = {}): Promise<void> {
    return this.load('plans', options.force, () => this.client.listPlans()).then(() => {
      if (this.preselectId && this.state.plans.value) {
        const id = this.preselectId;
        this.preselectId = undefined;
        this.preselectPlan(id);
      }
    });
  }

  /**
   * Loads the last `days` days of data use (1 to 90), once: a history of at least that many days, loaded or on its
   * way, serves the ask, so two meters make one request. `force` reads it again (a retry).
   */
  loadUsage(days = 30, options: { force?: boolean } = {}): Promise<void> {
    const running = this.usageLoad;
    if (running && running.days >= days) return running.promise;
    if (running) return running.promise.then(() => this.loadUsage(days, options));
    const current = this.state.usage;
    if (!options.force && current?.status === 'ready' && current.value.days.length >= days) return Promise.resolve();
    const promise = this.fetch('usage', () => this.client.getUsage({ days })).finally(() => (this.usageLoad = undefined));
    this.usageLoad = { days, promise };
    return promise;
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

  /** Reads one part of the state from the API: `loading`, then `ready` or `error`, keeping the last value meanwhile. */
  private fetch<K extends 'card' | 'plans' | 'usage'>(
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

  selectPlan(plan: Plan | undefined): void {
    this.set({ selectedPlan: plan });
  }

  /** Selects the plan with this id as soon as the plans are loaded (a hand-off link carries the plan's id). */
  preselectPlan(planId: string): void {
    const plan = this.state.plans.value?.find((candidate) => candidate.id === planId);
    if (plan) this.selectPlan(plan);
    else this.preselectId = planId;
  }

  setOrder(order: Order | undefined): void {
    this.set({ order });
  }

  /** A card read fresh from the API (e.g. the one a succeeded order embeds). */
  setCard(card: Card): void {
    this.set({ card: { status: 'ready', value: card } });
  }
}
