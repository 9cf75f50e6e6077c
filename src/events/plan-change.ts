import type { Plan } from '../client/schemas.js';
import { EsimEvent } from './esim-event.js';

/** The traveller chose a plan in `<esim-plan-picker>`. */
export class EsimPlanChangeEvent extends EsimEvent<{ plan: Plan }> {
  declare readonly plan: Plan;

  constructor(plan: Plan) {
    super('esim-plan-change', { plan });
  }
}

// Typed wherever a page listens: on our elements, on `document` and on `window` (they bubble and are composed).
declare global {
  interface GlobalEventHandlersEventMap {
    'esim-plan-change': EsimPlanChangeEvent;
  }
}
