/**
 * Phones the card can move to: a catalogue of eSIM-capable models, and regional variants that have no eSIM (many
 * models sold in mainland China come with two physical SIM slots instead). `esim: false` entries carry a note the
 * widget can show.
 */
import type { Device } from '../src/client/schemas.ts';

const CHINA_DUAL_SIM = 'The mainland China model has two physical SIM slots and no eSIM';

const models = (brand: string, names: string[], note?: string, esim = true): Device[] =>
  names.map((model) => ({ brand, model, esim, ...(note ? { note } : {}) }));

const CATALOG: Device[] = [
  ...models('Apple', [
    'iPhone XS', 'iPhone XS Max', 'iPhone XR', 'iPhone 11', 'iPhone 11 Pro', 'iPhone 11 Pro Max',
    'iPhone SE (2nd generation)', 'iPhone 12 mini', 'iPhone 12', 'iPhone 12 Pro', 'iPhone 12 Pro Max',
    'iPhone 13 mini', 'iPhone 13', 'iPhone 13 Pro', 'iPhone 13 Pro Max', 'iPhone SE (3rd generation)',
    'iPhone 14', 'iPhone 14 Plus', 'iPhone 14 Pro', 'iPhone 14 Pro Max', 'iPhone 15', 'iPhone 15 Plus',
    'iPhone 15 Pro', 'iPhone 15 Pro Max', 'iPhone 16', 'iPhone 16 Plus', 'iPhone 16 Pro', 'iPhone 16 Pro Max',
      ]),
  ...models('Apple', ['iPhone XR (mainland China)', 'iPhone 12 (mainland China)',
    'iPhone 14 Pro (mainland China)', 'iPhone 15 Pro (mainland China)'], CHINA_DUAL_SIM, false),
  ...models('Apple', ['iPhone 13 (mainland China, Hong Kong, Macao)'],
    'Models sold in mainland China, Hong Kong and Macao have two physical SIM slots and no eSIM', false),
  ...models('Samsung', [
    'Galaxy S20', 'Galaxy S20+', 'Galaxy S20 Ultra', 'Galaxy S21', 'Galaxy S21 Ultra', 'Galaxy S22','Galaxy S22 Ultra', 'Galaxy S23', 'Galaxy S23+', 'Galaxy S23 Ultra', 'Galaxy S24',
    'Galaxy S24+', 'Galaxy S24 Ultra', 'Galaxy S25', 'Galaxy S25 Ultra', 'Galaxy Note20 Ultra',
    'Galaxy Z Flip6', 'Galaxy Z Fold6',
  ]),
  ...models('Samsung', ['Galaxy S20 (US)', 'Galaxy S20+ (US)'], 'The US models of the Galaxy S20 series have no eSIM', false),
  ...models('Samsung', ['Galaxy S23 (mainland China)'], CHINA_DUAL_SIM, false),
  ...models('Google', [
    'Pixel 3', 'Pixel 3a', 'Pixel 4', 'Pixel 4a', 'Pixel 5', 
    'Pixel 6', 'Pixel 6 Pro', 'Pixel 6a', 'Pixel 7', 'Pixel 7 Pro', 'Pixel 7a', 'Pixel 8', 'Pixel 8 Pro', 'Pixel 8a',
    'Pixel 9', 'Pixel 9 Pro', 'Pixel 9 Pro XL',
  ]),
  ...models('Huawei', ['P40', 'P40 Pro', 'Mate 40 Pro']),
  ...models('Huawei', ['P40 (mainland China)', 'P40 Pro (mainland China)', 'Mate 40 Pro (mainland China)'], CHINA_DUAL_SIM, false),
  ...models('Xiaomi', ['12T Pro', '13', '13 Pro', '14', '14 Pro', '14 Ultra']),
  ...models('Xiaomi', ['14 (mainland China)'], CHINA_DUAL_SIM, false),
  ...models('OPPO', ['Find X3 Pro', 'Find X5 Pro', 'Find N2 Flip', 'Find X8 Pro']),
  ...models('OPPO', ['Find X5 Pro (mainland China)'], CHINA_DUAL_SIM, false),
  ...models('Honor', ['Magic4 Pro', 'Magic5 Pro', 'Magic6 Pro']),
  ...models('vivo', ['X90 Pro', 'X100 Pro']),
  ...models('Sony', ['Xperia 10 III', 'Xperia 10 IV', 'Xperia 10 V', 'Xperia 1 V', 'Xperia 5 V']),
];

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** By brand, then model ("iPhone 9" before "iPhone 11"). */
export const compareDevices = (a: Device, b: Device): number =>
  collator.compare(a.brand, b.brand) || collator.compare(a.model, b.model);

export const DEVICES: readonly Device[] = [...CATALOG].sort(compareDevices);

export const MAX_DEVICE_RESULTS = 50;

/**
 * The devices whose "brand model" contains every word of `q` (case-insensitive), at most 50; without `q`, the whole
 * catalogue (under 100 phones: a picker can list it all).
 */
export function searchDevices(q: string | undefined): Device[] {
  const words = (q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...DEVICES];
  return DEVICES.filter((d) => {
    const name = `${d.brand} ${d.model}`.toLowerCase();
    return words.every((word) => name.includes(word));
  }).slice(0, MAX_DEVICE_RESULTS);
}

/** The catalogue entry for exactly this phone (case and spacing aside). */
export function findDevice(brand: string, model: string): Device | undefined {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  return DEVICES.find((d) => norm(d.brand) === norm(brand) && norm(d.model) === norm(model));
}
