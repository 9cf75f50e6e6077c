import type { Plan } from '../client/schemas.js';
import { EsimEvent } from './esim-event.js';

/** The traveller chose a plan in `<esim-plan-picker>`. */
export class EsimPlanChangeEvent extends EsimEvent<{ plan: Plan }> {
  /** The event's name. */
  static readonly type = 'esim-plan-change';

  declare readonly plan: Plan;

  constructor(plan: Plan) {
    super(EsimPlanChangeEvent.type, { plan });
  }
}

// Typed wherever a page listens: on our elements, on `document` and on `window` (they bubble and are composed).
declare global {
  interface GlobalEventHandlersEventMap {
    'esim-plan-change': EsimPlanChangeEvent;
  }
}
