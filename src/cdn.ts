/**
 * The script-tag entry: `<script src=".../esim-renewal.js"></script>` registers every element and exposes the
 * `EsimRenewal` global (version and `createRenewalClient`). Including it twice is harmless: the first copy wins.
 */
import { createRenewalClient } from './client/client.js';
import { isRenewalError, RenewalError } from './client/errors.js';
import { VERSION } from './version.js';

export { createRenewalClient, isRenewalError, RenewalError, VERSION as version };
