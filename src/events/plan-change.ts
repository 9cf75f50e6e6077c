import type { Plan } from '../client/schemas.js';

/** The traveller chose a plan in `<esim-plan-picker>`. */
export class EsimPlanChangeEvent extends CustomEvent<{ plan: Plan }> {
  constructor(readonly plan: Plan) {
    super('esim-plan-change', { bubbles: true, composed: true, detail: { plan } });
  }
}

declare global {
  interface HTMLElementEventMap {
    'esim-plan-change': EsimPlanChangeEvent;
  }
}
