#!/usr/bin/env -S node --import tsx
// Writes src/client/validators.ts: the response schemas of src/client/schemas.ts (zod, the one source of the
// contract) as compositions of the small validators in src/client/validate.ts, so the browser bundle ships no zod.
//
//   npm run gen:validators        rewrite the file after changing schemas.ts
//
// test/node/validators.test.ts fails when the file is not what this script would write, and compares the two on
// many answers. A schema feature this script does not know (a transform, a refinement, a new kind of check) stops
// it with an error rather than being skipped: an unchecked rule would be a silent hole in the browser's validation.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';
import * as schemas from '../src/client/schemas.ts';

/** What the browser parses: every response body of the API, by the name it has in schemas.ts. */
export const RESPONSES = [
  'ErrorBody',
  'Session',
  'PartnerCardList',
  'Card',
  'PlanList',
  'Quote',
  'Order',
  'OrderList',
  'Handoff',
  'HandoffSession',
  'Usage',
  'AutoRenew',
  'RefundQuote',
  'Refund',
  'DeviceList',
  'Transfer',
  'TransferResult',
] as const;

export const OUTPUT = fileURLToPath(new URL('../src/client/validators.ts', import.meta.url));

interface Def {
  type: string;
  checks?: { _zod: { def: Check } }[];
  format?: string;
  [key: string]: unknown;
}
interface Check {
  check: string;
  format?: string;
  pattern?: RegExp;
  prefix?: string;
  value?: number;
  inclusive?: boolean;
  minimum?: number;
  maximum?: number;
}
type Schema = { _zod: { def: Def } };

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && '_zod' in value && 'def' in (value as Schema)._zod;

const names = new Map<Schema, string>(
  Object.entries(schemas)
    .filter((entry): entry is [string, Schema] => isSchema(entry[1]))
    .map(([name, schema]) => [schema, name]),
);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

export async function generateValidators(): Promise<string> {
  const declared = new Set<string>();
  const declarations: string[] = [];
  const used = new Set<string>();
  const block = (name: string) => (used.add(name), name);

  const unsupported = (where: string, what: string): never => {
    throw new Error(`gen-validators: ${where} uses ${what}, which src/client/validate.ts cannot check yet`);
  };

  /** The expression for `schema`; named schemas become consts of their own, declared before first use. */
  const expression = (schema: Schema, where: string, root = false): string => {
    const name = names.get(schema);
    if (name && !root) {
      declare(name, schema);
      return name;
    }
    const def = schema._zod.def;
    const checks = (def.checks ?? []).map((check) => check._zod.def);
    switch (def.type) {
      case 'string': {
        let pattern: RegExp | undefined;
        let min: number | undefined;
        let max: number | undefined;
        for (const check of checks) {
          if (check.check === 'string_format' && check.format === 'regex' && !pattern) pattern = check.pattern;
          else if (check.check === 'string_format' && check.format === 'starts_with' && !pattern) {
            pattern = new RegExp(`^${escapeRegExp(check.prefix!)}`);
          } else if (check.check === 'min_length') min = check.minimum;
          else if (check.check === 'max_length') max = check.maximum;
          else unsupported(where, `a string check ${JSON.stringify(check.check)} (${check.format ?? ''})`);
        }
        const args = [pattern ? String(pattern) : 'undefined', String(min ?? 'undefined'), String(max ?? 'undefined')];
        while (args.at(-1) === 'undefined') args.pop();
        return `${block('string')}(${args.join(', ')})`;
      }
      case 'number': {
        if (def.format !== 'safeint') unsupported(where, `a number that is not z.int() (${def.format})`);
        let min: number | undefined;
        let max: number | undefined;
        for (const check of checks) {
          if (check.check === 'greater_than') min = check.inclusive ? check.value : check.value! + 1;
          else if (check.check === 'less_than') max = check.inclusive ? check.value : check.value! - 1;
          else unsupported(where, `a number check ${JSON.stringify(check.check)}`);
        }
        const args = [String(min ?? 'undefined'), String(max ?? 'undefined')];
        while (args.at(-1) === 'undefined') args.pop();
        return `${block('int')}(${args.join(', ')})`;
      }
      case 'boolean':
      case 'unknown':
        if (checks.length) unsupported(where, `checks on a ${def.type}`);
        return block(def.type);
      case 'enum':
      case 'literal': {
        const values = def.type === 'enum' ? Object.values(def.entries as object) : (def.values as unknown[]);
        if (!values.every((value) => typeof value === 'string')) unsupported(where, 'a non-string enum or literal');
        return `${block('oneOf')}(${JSON.stringify(values)})`;
      }
      case 'nullable':
      case 'optional':
        return `${block(def.type)}(${expression(def.innerType as Schema, where)})`;
      case 'array':
        if (checks.length) unsupported(where, 'checks on an array');
        return `${block('array')}(${expression(def.element as Schema, `${where}[]`)})`;
      case 'object': {
        if (checks.length || def.catchall) unsupported(where, 'checks or a catch-all on an object');
        const shape = def.shape as Record<string, Schema>;
        const fields = Object.entries(shape).map(
          ([key, value]) =>
            `${/^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key)}: ${expression(value, `${where}.${key}`)}`,
        );
        return `${block('object')}({ ${fields.join(', ')} })`;
      }
      case 'union': {
        if (checks.length) unsupported(where, 'checks on a union');
        const options = (def.options as Schema[]).map((option, index) => expression(option, `${where}|${index}`));
        return `${block('union')}([${options.join(', ')}])`;
      }
      case 'lazy': {
        const target = (def.getter as () => Schema)();
        const targetName = names.get(target) ?? unsupported(where, 'z.lazy() of a schema schemas.ts does not export');
        pending.push([targetName, target]);
        return `${block('lazy')}(() => ${targetName})`;
      }
      default:
        return unsupported(where, `z.${def.type}()`);
    }
  };

  const pending: [string, Schema][] = [];
  const declare = (name: string, schema: Schema) => {
    if (declared.has(name)) return;
    declared.add(name);
    const body = expression(schema, name, true);
    const exported = (RESPONSES as readonly string[]).includes(name);
    declarations.push(
      exported ? `export const ${name}: Validator<S.${typeName(name)}> = ${body};` : `const ${name} = ${body};`,
    );
  };

  for (const name of RESPONSES) {
    const schema = (schemas as Record<string, unknown>)[name];
    if (!isSchema(schema)) throw new Error(`gen-validators: schemas.ts exports no schema ${name}`);
    declare(name, schema);
  }
  while (pending.length) {
    const [name, schema] = pending.shift()!;
    declare(name, schema);
  }

  const source = [
    '// Generated by scripts/gen-validators.ts from src/client/schemas.ts: do not edit; run `npm run gen:validators`.',
    '// The response schemas as compositions of ./validate.js, so the browser bundle ships no zod. The types come',
    '// from the zod schemas, and test/node/validators.test.ts holds this file to them.',
    `import type * as S from './schemas.js';`,
    `import { ${[...used].sort().join(', ')}, type Validator } from './validate.js';`,
    '',
    ...declarations,
  ].join('\n');
  return prettier.format(source, { parser: 'typescript', printWidth: 120, singleQuote: true });
}

/** The type schemas.ts exports for a schema (the same name, except for the error body). */
const typeName = (name: string) => (name === 'ErrorBody' ? 'RenewalErrorBody' : name);

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(OUTPUT, await generateValidators());
  console.log(`wrote ${OUTPUT}`);
}
