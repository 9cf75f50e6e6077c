/** Entry point that registers `<esim-device-change>` (once, even if another copy of this SDK got there first). */
import { EsimDeviceChange } from './components/device-change/device-change.js';
import { defineElement } from './internal/define.js';

defineElement('esim-device-change', EsimDeviceChange);

export { EsimDeviceChange };
