import { formatBytes } from '../i18n/format.js';

/** An amount of data for display: formatted bytes, or the given word for unlimited (`null`). */
export function formatData(bytes: number | null, locale: string, unlimited: string): string {
  return bytes === null ? unlimited : formatBytes(bytes, locale);
}
