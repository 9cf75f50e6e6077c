// fast-check arbitraries built from the sandbox's own OpenAPI document, so every endpoint it describes (including
// ones added later) is fuzzed with bodies of the right shape as well as with garbage.
import fc from 'fast-check';

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  examples?: unknown[];
};

export interface Operation {
  method: string;
  /** As written in the document, e.g. `/v1/orders/{id}`. */
  path: string;
  params: string[];
  query: string[];
  headers: string[];
  bodyType?: 'json' | 'form';
  body?: JsonSchema;
  security: string[];
}

/** Every operation of the document. */
export function operations(doc: { paths: Record<string, Record<string, any>> }): Operation[] {
  const list: Operation[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const parameters = (op.parameters ?? []) as Array<{ in: string; name: string }>;
      const content = op.requestBody?.content ?? {};
      const json = content['application/json']?.schema;
      const form = content['application/x-www-form-urlencoded']?.schema;
      list.push({
        method: method.toUpperCase(),
        path,
        params: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!),
        query: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        headers: parameters.filter((p) => p.in === 'header').map((p) => p.name),
        bodyType: json ? 'json' : form ? 'form' : undefined,
        body: json ?? form,
        security: (op.security ?? []).flatMap((s: Record<string, unknown>) => Object.keys(s)),
      });
    }
  }
  return list;
}

/**
 * Values that match a schema (as far as this small converter understands it); `pools` gives real values to mix in
 * for properties by name (e.g. real quote ids for `quoteId`), so valid requests reach deep into the handlers.
 */
export function fromSchema(
  schema: JsonSchema,
  doc: { components: { schemas: Record<string, JsonSchema> } },
  pools: Record<string, readonly unknown[]> = {},
  name = '',
): fc.Arbitrary<unknown> {
  if (schema.$ref) return fromSchema(doc.components.schemas[schema.$ref.split('/').pop()!]!, doc, pools, name);
  const pool = pools[name];
  const withPool = (arb: fc.Arbitrary<unknown>) =>
    pool && pool.length ? fc.oneof({ arbitrary: fc.constantFrom(...pool), weight: 2 }, { arbitrary: arb, weight: 1 }) : arb;
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => fromSchema(s, doc, pools, name)));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const props = schema.properties ?? {};
      const model = Object.fromEntries(Object.entries(props).map(([key, s]) => [key, fromSchema(s, doc, pools, key)]));
      return fc.record(model, { requiredKeys: schema.required ?? [] });
    }
    case 'array':
      return fc.array(schema.items ? fromSchema(schema.items, doc, pools, name) : fc.jsonValue(), { maxLength: 5 });
    case 'string': {
      if (schema.pattern) {
        try {
          return withPool(fc.stringMatching(new RegExp(schema.pattern)).map((s) => s.slice(0, schema.maxLength ?? 4096)));
        } catch {
          // A pattern JavaScript cannot compile: fall through to plain strings.
        }
      }
      const examples = (schema.examples ?? []).filter((e): e is string => typeof e === 'string');
      const plain = fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.min(schema.maxLength ?? 40, 80) });
      return withPool(examples.length ? fc.oneof(fc.constantFrom(...examples), plain) : plain);
    }
    case 'integer':
      return withPool(fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 }));
    case 'number':
      return withPool(fc.double({ min: schema.minimum ?? -1e9, max: schema.maximum ?? 1e9, noNaN: true }));
    case 'boolean':
      return fc.boolean();
    default:
      return fc.jsonValue();
  }
}

/** One value that breaks a valid body in one place: a field of the wrong type, an extra field, or one left out. */
export function mutate(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(valid, fc.jsonValue({ maxDepth: 3 }), fc.string({ maxLength: 12 }), fc.nat()).map(([value, junk, extra, pick]) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return junk;
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    const mode = pick % 3;
    if (mode === 0 && keys.length) copy[keys[pick % keys.length]!] = junk;
    else if (mode === 1 && keys.length) delete copy[keys[pick % keys.length]!];
    // An own `__proto__` property, as JSON.parse makes from '{"__proto__": …}' (assignment would set the prototype).
    else Object.defineProperty(copy, extra || '__proto__', { value: junk, enumerable: true, writable: true, configurable: true });
    return copy;
  });
}
