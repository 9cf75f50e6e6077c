import { createComponent } from '@lit/react';
import * as React from 'react';
import { EsimPlanPicker as Element } from '../plan-picker.js';
import { eventsOf } from './events.js';

/**
 * `<esim-plan-picker>` as a React component. Period switch, region filter and the plans as a radio group. Importing
 * this module registers the element (once).
 */
export const PlanPicker = /*#__PURE__*/ createComponent({
  react: React,
  tagName: 'esim-plan-picker',
  elementClass: Element,
  displayName: 'PlanPicker',
  events: eventsOf('onPlanChange'),
});
