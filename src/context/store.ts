import type { RenewalClient } from '../client/client.js';
import { isRenewalError, RenewalError } from '../client/errors.js';
import type { Card, Order, Plan } from '../client/schemas.js';

/** A value loaded from the API: what the elements render from. `value` survives a failed reload. */
export type Loadable<T> =
  | { status: 'idle'; value?: undefined }
  | { status: 'loading'; value?: T }
  | { status: 'ready'; value: T }
  | { status: 'error'; error: RenewalError; value?: T };

/** Where the partner's travellers get help; shown on error and success views. */
export interface SupportContact {
  url?: string;
  email?: string;
  phone?: string;
  chat?: string;
}

export interface RenewalState {
  card: Loadable<Card>;
  plans: Loadable<Plan[]>;
  selectedPlan?: Plan;
  order?: Order;
}

type Listener = (state: RenewalState) => void;

function asRenewalError(error: unknown): RenewalError {
  return isRenewalError(error) ? error : new RenewalError('unknown', String(error), { cause: error });
}

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
  private readonly listeners = new Set<Listener>();
  private readonly inflight = new Map<'card' | 'plans', Promise<void>>();

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
    return this.load('plans', options.force, () => this.client.listPlans());
  }

  private load<K extends 'card' | 'plans'>(
    key: K,
    force: boolean | undefined,
    fetcher: () => Promise<NonNullable<RenewalState[K]['value']>>,
  ): Promise<void> {
    const running = this.inflight.get(key);
    if (running) return running;
    const current = this.state[key];
    if (!force && (current.status === 'ready' || current.status === 'loading')) return Promise.resolve();
    this.set({ [key]: { status: 'loading', value: current.value } } as Partial<RenewalState>);
    const promise = fetcher()
      .then(
        (value) => this.set({ [key]: { status: 'ready', value } } as Partial<RenewalState>),
        (error: unknown) =>
          this.set({ [key]: { status: 'error', error: asRenewalError(error), value: current.value } } as Partial<RenewalState>),
      )
      .finally(() => this.inflight.delete(key));
    this.inflight.set(key, promise);
    return promise;
  }

  selectPlan(plan: Plan | undefined): void {
    this.set({ selectedPlan: plan });
  }

  setOrder(order: Order | undefined): void {
    this.set({ order });
  }

  /** A card read fresh from the API (e.g. the one a succeeded order embeds). */
  setCard(card: Card): void {
    this.set({ card: { status: 'ready', value: card } });
  }
}
