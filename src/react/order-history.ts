import { createComponent } from '@lit/react';
import * as React from 'react';
import { EsimOrderHistory as Element } from '../order-history.js';
import { eventsOf } from './events.js';

/**
 * `<esim-order-history>` as a React component. Renewal history, receipts and refund requests. Importing this module registers the element (once).
 */
export const OrderHistory = /*#__PURE__*/ createComponent({
  react: React,
  tagName: 'esim-order-history',
  elementClass: Element,
  displayName: 'OrderHistory',
  events: eventsOf('onRefundRequest', 'onRenewalError'),
});
