import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Plan } from '../../client/schemas.js';
import { whenIdle } from '../../internal/idle.js';
import { regionsOf } from './plan-filter.js';

/** What the `<select>` shows or is to show: for which plans, locale and element, and the region code selected. */
interface RegionList {
  select: HTMLSelectElement;
  plans: readonly Plan[];
  locale: string;
  code: string;
}

const same = (a: RegionList | undefined, b: RegionList) =>
  a?.select === b.select && a.plans === b.plans && a.locale === b.locale;

/** Whether the traveller is on `select` (focus inside a shadow root shows as that root's `activeElement`). */
const focused = (select: HTMLSelectElement) => (select.getRootNode() as Document | ShadowRoot).activeElement === select;

/**
 * The options of a picker's region `<select>` after its "All regions": every region of the plans, sorted by name in
 * the locale, as plain `new Option()`s (with 200 regions, 200 Lit option templates were about 6 ms of a first render,
 * the plain options about 1 ms).
 *
 * Neither the list nor its order is needed to show the plans, and the order costs the locale's collation data: the
 * page's first `Intl.Collator` took 5–16 ms of main thread at 1× CPU in Chromium (about 25 ms at 4×), on the way
 * to the data shown. So the `<select>` first holds only the region it shows, and gets the whole list once the page
 * is idle, or at once when the traveller reaches it (focus, or a pointer going down on it, before it opens). New
 * plans or a new locale while the traveller is on the `<select>` put the whole new list in at once: a short list
 * there would hide the regions from arrow keys and type-ahead. A controller of its picker: a picker taken out of the
 * page before it was idle makes no list until it is back.
 */
export class RegionOptions implements ReactiveController {
  /** The list in the `<select>` now, once made. */
  private made?: RegionList & { codes: Set<string> };

  /** The list to make when the page is idle (or the traveller reaches the `<select>`). */
  private wanted?: RegionList;

  /** Cancels the idle callback that will make `wanted`. */
  private cancelIdle?: () => void;

  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.wanted) this.cancelIdle ??= whenIdle(this.fill, 1_000, 50);
  }

  hostDisconnected(): void {
    this.cancelIdle?.();
    this.cancelIdle = undefined;
  }

  /** After each render: the `<select>` shows `region` (or "All regions" when no region of the plans has that code). */
  show(select: HTMLSelectElement, plans: readonly Plan[], locale: string, region: string): void {
    const list = { select, plans, locale, code: region.toUpperCase() };
    if (same(this.made, list)) {
      select.value = this.made!.codes.has(list.code) ? list.code : '';
      return;
    }
    if (same(this.wanted, list) && this.wanted!.code === list.code) return;
    this.wanted = list;
    this.made = undefined; // the options below replace it
    if (focused(select)) return this.fill();
    const name = list.code ? plans.find((plan) => plan.region === list.code)?.regionName : undefined;
    select.replaceChildren(select.options[0]!, ...(name === undefined ? [] : [new Option(name, list.code)]));
    select.value = name === undefined ? '' : list.code;
    // A picker out of the page may still render (its region set, an answer arriving): its list waits until it is back.
    if (this.host.isConnected) this.cancelIdle ??= whenIdle(this.fill, 1_000, 50);
  }

  /** Puts every region in the `<select>` now, if they are not there yet (an event listener: bound). */
  readonly fill = (): void => {
    this.cancelIdle?.();
    this.cancelIdle = undefined;
    const list = this.wanted;
    if (!list) return;
    this.wanted = undefined;
    const regions = regionsOf(list.plans, list.locale);
    list.select.replaceChildren(list.select.options[0]!, ...regions.map(([code, name]) => new Option(name, code)));
    this.made = { ...list, codes: new Set(regions.map(([code]) => code)) };
    list.select.value = this.made.codes.has(list.code) ? list.code : '';
  };
}
