/** Entry point that registers `<esim-plan-picker>` (once, even if another copy of this SDK got there first). */
import { EsimPlanPicker } from './components/plan-picker/plan-picker.js';
import { defineElement } from './internal/define.js';

defineElement('esim-plan-picker', EsimPlanPicker);

export { EsimPlanPicker };
