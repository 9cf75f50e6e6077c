import { createComponent } from '@lit/react';
import * as React from 'react';
import { EsimRenewalFlow as Element } from '../renewal-flow.js';
import { eventsOf } from './events.js';

/**
 * `<esim-renewal-flow>` as a React component. The whole renewal in one element. Importing this module registers the
 * element (once).
 */
export const RenewalFlow = /*#__PURE__*/ createComponent({
  react: React,
  tagName: 'esim-renewal-flow',
  elementClass: Element,
  displayName: 'RenewalFlow',
  events: eventsOf('onPlanChange', 'onCheckoutStart', 'onRenewalSuccess', 'onRenewalError', 'onExpiryWarning'),
});
