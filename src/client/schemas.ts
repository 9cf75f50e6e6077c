/**
 * The Renewal API v1 contract, written once with `zod/mini`.
 *
 * The client (in browsers and in Node) parses every response with these schemas and takes its types from them; the
 * sandbox server validates every request and response with them and builds its OpenAPI document from them: one
 * source of truth for both sides.
 *
 * The contract is written in parts, so that a page loads the schemas of what it does (see `client.ts`):
 * - `schemas/core.ts`: the card, plans and quotes, money, errors and QR codes — what every page parses; the client
 *   imports it statically;
 * - `schemas/orders.ts`: orders, payment actions, refunds and the order history — imported the first time a page
 *   makes or reads an order;
 * - `schemas/care.ts`: usage, devices and transfers, hand-offs — imported the first time a page uses one;
 * - `schemas/requests.ts`: query strings and request bodies, and `schemas/partner.ts`: the secret-key API — read by
 *   servers only (the sandbox, the partner server client); a browser client never parses them.
 *
 * This module puts them back together for the servers and the OpenAPI document (and for types, which cost a page
 * nothing): browser code must not import its values, or it bundles every part.
 */
export * from './constants.js';
export * from './schemas/core.js';
export * from './schemas/plans.js';
export * from './schemas/orders.js';
export * from './schemas/care.js';
export * from './schemas/requests.js';
export * from './schemas/partner.js';
