import type { EventName } from '@lit/react';
import { esimEvents } from '../events/index.js';

type EsimEventClass = (typeof esimEvents)[number];

/** `plan-change` → `PlanChange`. */
type Words<Name extends string> = Name extends `${infer Head}-${infer Rest}`
  ? `${Capitalize<Head>}${Words<Rest>}`
  : Capitalize<Name>;

/** An event's React prop: `esim-plan-change` → `onPlanChange`. */
type PropOf<Type extends string> = Type extends `esim-${infer Name}` ? `on${Words<Name>}` : never;

/** Our DOM events as typed React props, from the one list of events: `onPlanChange={(event) => event.detail.plan}`. */
export type ReactEvents = { [Class in EsimEventClass as PropOf<Class['type']>]: EventName<InstanceType<Class>> };

const propOf = (type: string) => `on${type.slice('esim'.length).replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase())}`;

export const reactEvents = Object.fromEntries(esimEvents.map((event) => [propOf(event.type), event.type])) as ReactEvents;

/** The subset of `reactEvents` an element fires. */
export function eventsOf<K extends keyof ReactEvents>(...names: K[]): Pick<ReactEvents, K> {
  return Object.fromEntries(names.map((name) => [name, reactEvents[name]])) as Pick<ReactEvents, K>;
}
