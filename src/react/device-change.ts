import { createComponent } from '@lit/react';
import * as React from 'react';
import { EsimDeviceChange as Element } from '../device-change.js';
import { eventsOf } from './events.js';

/**
 * `<esim-device-change>` as a React component. Moves the card to a new phone. Importing this module registers the element (once).
 */
export const DeviceChange = /*#__PURE__*/ createComponent({
  react: React,
  tagName: 'esim-device-change',
  elementClass: Element,
  displayName: 'DeviceChange',
  events: eventsOf('onDeviceChange', 'onRenewalError'),
});
