import { createComponent } from '@lit/react';
import * as React from 'react';
import { EsimAutoRenewToggle as Element } from '../auto-renew-toggle.js';
import { eventsOf } from './events.js';

/**
 * `<esim-auto-renew-toggle>` as a React component. Turns automatic renewal on or off. Importing this module
 * registers the element (once).
 */
export const AutoRenewToggle = /*#__PURE__*/ createComponent({
  react: React,
  tagName: 'esim-auto-renew-toggle',
  elementClass: Element,
  displayName: 'AutoRenewToggle',
  events: eventsOf('onAutoRenewChange'),
});
