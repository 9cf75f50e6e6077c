import { createComponent } from '@lit/react';
import * as React from 'react';
import { EsimCheckoutButton as Element } from '../checkout-button.js';
import { eventsOf } from './events.js';

/**
 * `<esim-checkout-button>` as a React component. Order summary, payment and confirmation of a renewal. Importing
 * this module registers the element (once).
 */
export const CheckoutButton = /*#__PURE__*/ createComponent({
  react: React,
  tagName: 'esim-checkout-button',
  elementClass: Element,
  displayName: 'CheckoutButton',
  events: eventsOf('onCheckoutStart', 'onRenewalSuccess', 'onRenewalError'),
});
