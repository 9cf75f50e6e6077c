/** Entry point that registers `<esim-usage-meter>` (once, even if another copy of this SDK got there first). */
import { EsimUsageMeter } from './components/usage-meter/usage-meter.js';
import { defineElement } from './internal/define.js';

defineElement('esim-usage-meter', EsimUsageMeter);

export { EsimUsageMeter };
