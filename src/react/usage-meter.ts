import { createComponent } from '@lit/react';
import * as React from 'react';
import { EsimUsageMeter as Element } from '../usage-meter.js';

/**
 * `<esim-usage-meter>` as a React component. Daily data use and a projection. Importing this module registers the
 * element (once).
 */
export const UsageMeter = /*#__PURE__*/ createComponent({
  react: React,
  tagName: 'esim-usage-meter',
  elementClass: Element,
  displayName: 'UsageMeter',
});
