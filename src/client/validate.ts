/**
 * The few building blocks the client needs to check API responses at run time, in well under 1 kB.
 *
 * The contract is written once, with zod, in `schemas.ts`: the sandbox validates with it, the OpenAPI document is
 * generated from it and the types come from it. The browser does not ship zod (it was 8 kB min+gzip, a fifth of the
 * script-tag file): `scripts/gen-validators.ts` turns each response schema into a composition of these blocks, in
 * `validators.ts`, and a test checks that file against the schemas and compares both on many answers, valid and
 * broken. Like zod, a validator keeps only the keys an object declares.
 */
import { SchemaValidationError } from './http.js';

export type Path = (string | number)[];

export interface Issue {
  path: Path;
  message: string;
}

/** Checks `value` (found at `path`), adds what is wrong to `issues` and returns the value as the contract has it. */
export type Validator<T> = (value: unknown, path: Path, issues: Issue[]) => T;

const test =
  <T>(accepts: (value: unknown) => boolean, message: string): Validator<T> =>
  (value, path, issues) => {
    if (!accepts(value)) issues.push({ path, message });
    return value as T;
  };

export const unknown: Validator<unknown> = (value) => value;

export const boolean = test<boolean>((value) => typeof value === 'boolean', 'expected a boolean');

/** A string of `min` to `max` characters that `pattern` matches. */
export const string = (pattern?: RegExp, min = 0, max = Infinity): Validator<string> =>
  test(
    (value) =>
      typeof value === 'string' && value.length >= min && value.length <= max && (!pattern || pattern.test(value)),
    `expected a string${pattern ? ` matching ${pattern}` : ''}${min || max < Infinity ? ` of ${min} to ${max} characters` : ''}`,
  );

/** A safe integer from `min` to `max`. */
export const int = (min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): Validator<number> =>
  test(
    (value) => Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max,
    `expected an integer from ${min} to ${max}`,
  );

/** One of the given strings (an enum, or a literal when there is one). */
export const oneOf = <const T extends string>(values: readonly T[]): Validator<T> =>
  test((value) => values.includes(value as T), `expected one of ${values.join(', ')}`);

export const nullable =
  <T>(inner: Validator<T>): Validator<T | null> =>
  (value, path, issues) =>
    value === null ? null : inner(value, path, issues);

export const optional =
  <T>(inner: Validator<T>): Validator<T | undefined> =>
  (value, path, issues) =>
    value === undefined ? undefined : inner(value, path, issues);

export const array =
  <T>(item: Validator<T>): Validator<T[]> =>
  (value, path, issues) =>
    Array.isArray(value)
      ? value.map((entry, index) => item(entry, [...path, index], issues))
      : test<T[]>(() => false, 'expected an array')(value, path, issues);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An object with these keys; others are dropped, and an optional key stays absent when it was. */
export const object =
  <T>(shape: { [K in keyof T]: Validator<T[K]> }): Validator<T> =>
  (value, path, issues) => {
    if (!isRecord(value)) return test<T>(() => false, 'expected an object')(value, path, issues);
    const out: Record<string, unknown> = {};
    for (const key in shape) {
      const parsed = shape[key](value[key], [...path, key], issues);
      if (parsed !== undefined || key in value) out[key] = parsed;
    }
    return out as T;
  };

/** The first option that accepts the value wins. */
export const union =
  <O extends Validator<unknown>[]>(options: O): Validator<ReturnType<O[number]>> =>
  (value, path, issues) => {
    for (const option of options) {
      const own: Issue[] = [];
      const parsed = option(value, path, own);
      if (!own.length) return parsed as ReturnType<O[number]>;
    }
    return test<ReturnType<O[number]>>(() => false, 'matches none of the allowed shapes')(value, path, issues);
  };

/** For a schema that refers to one defined later. */
export const lazy =
  <T>(get: () => Validator<T>): Validator<T> =>
  (value, path, issues) =>
    get()(value, path, issues);

/** The value as the contract has it, and what does not match it (nothing when it all does). */
export function check<T>(validator: Validator<T>, value: unknown): { data: T; issues: Issue[] } {
  const issues: Issue[] = [];
  return { data: validator(value, [], issues), issues };
}

/** The value as the contract has it; throws a `SchemaValidationError` listing every mismatch. */
export function parse<T>(validator: Validator<T>, value: unknown): T {
  const { data, issues } = check(validator, value);
  if (issues.length) throw new SchemaValidationError(issues);
  return data;
}
