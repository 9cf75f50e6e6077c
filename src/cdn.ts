/**
 * The script-tag entry: `<script src=".../esim-renewal.js"></script>` registers every element and exposes the
 * `EsimRenewal` global (version and `createRenewalClient`). Including it twice is harmless: names already defined
 * are skipped.
 */
import { createRenewalClient } from './client/client.js';
import { isRenewalError, RenewalError } from './client/errors.js';
import { defineAll } from './define.js';
import { registerLocale } from './i18n/index.js';
import { VERSION } from './version.js';

defineAll();

export { createRenewalClient, isRenewalError, registerLocale, RenewalError, VERSION as version };
