import type { EventName } from '@lit/react';
import { esimEventNames, type EsimEventMap, type EsimEventName } from '../events/index.js';

/** `plan-change` → `PlanChange`. */
type Words<Name extends string> = Name extends `${infer Head}-${infer Rest}`
  ? `${Capitalize<Head>}${Words<Rest>}`
  : Capitalize<Name>;

/** An event's React prop: `esim-plan-change` → `onPlanChange`. */
type PropOf<Name extends string> = Name extends `esim-${infer Rest}` ? `on${Words<Rest>}` : never;

/** Our DOM events as typed React props, from the one list of events: `onPlanChange={(event) => event.detail.plan}`. */
export type ReactEvents = { [Name in EsimEventName as PropOf<Name>]: EventName<EsimEventMap[Name]> };

const propOf = (name: string) => `on${name.slice('esim'.length).replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase())}`;

export const reactEvents = Object.fromEntries(esimEventNames.map((name) => [propOf(name), name])) as ReactEvents;

/** The subset of `reactEvents` an element fires. */
export function eventsOf<K extends keyof ReactEvents>(...names: K[]): Pick<ReactEvents, K> {
  return Object.fromEntries(names.map((name) => [name, reactEvents[name]])) as Pick<ReactEvents, K>;
}
