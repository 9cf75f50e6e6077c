import { createComponent } from '@lit/react';
import * as React from 'react';
import { EsimBalanceBadge as Element } from '../balance-badge.js';

/**
 * `<esim-balance-badge>` as a React component. Balance and expiry at a glance. Importing this module registers the
 * element (once).
 */
export const BalanceBadge = /*#__PURE__*/ createComponent({
  react: React,
  tagName: 'esim-balance-badge',
  elementClass: Element,
  displayName: 'BalanceBadge',
});
