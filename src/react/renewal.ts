import { createComponent } from '@lit/react';
import * as React from 'react';
import { EsimRenewal as Element } from '../renewal.js';
import { reactEvents } from './events.js';

/**
 * `<esim-renewal>` as a React component. The provider: one client and one state for every element inside; every
 * event of the elements inside bubbles through it. Importing this module registers the element (once).
 */
export const RenewalProvider = /*#__PURE__*/ createComponent({
  react: React,
  tagName: 'esim-renewal',
  elementClass: Element,
  displayName: 'RenewalProvider',
  events: reactEvents,
});
