// Our events, typed where partners listen: they bubble and are composed, so a page listens on `document` or `window`
// with no import of the element that fires them (each event's module registers it in `GlobalEventHandlersEventMap`).
import type { Card, Plan, RenewalError } from '../../src/client/index.js';
import type { CheckoutFlow } from '../../src/components/checkout-button/checkout-flow.js';
import { esimEventNames, type EsimEventMap, type EsimRenewalSuccessEvent } from '../../src/index.js';
import { reactEvents } from '../../src/react/events.js';

document.addEventListener('esim-renewal-success', (event) => {
  const card: Card = event.detail.card;
  const same: Card = event.card;
  const typed: EsimRenewalSuccessEvent = event;
  return [card, same, typed];
});
window.addEventListener('esim-plan-change', (event) => {
  const plan: Plan = event.detail.plan;
  return plan;
});
document.body.addEventListener('esim-renewal-error', (event) => {
  const error: RenewalError = event.detail.error;
  return error;
});
// @ts-expect-error a success carries no plan
document.addEventListener('esim-renewal-success', (event) => event.detail.plan);
// @ts-expect-error an event we do not fire is not ours to type
document.addEventListener('esim-renewal-done', (event) => event.detail);

// The one list: every name in it is a registered event, and each has its React prop.
const everyName: ReadonlyArray<keyof EsimEventMap> = esimEventNames;
const prop: string = reactEvents.onRenewalSuccess;
// @ts-expect-error no such event, no such prop
void reactEvents.onRenewalDone;

// A checkout's state is data: `set(patch)` cannot replace the flow's methods.
declare const flow: CheckoutFlow;
flow.set({ step: 'summary' });
// @ts-expect-error `start` is the flow's method, not a field of its state
flow.set({ start: async () => undefined });

export { everyName, prop };
