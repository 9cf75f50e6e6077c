#!/usr/bin/env node
// docs/api.md, the API reference, generated from what the build emits — never written by hand:
//  - the elements from dist/custom-elements.json (`cem analyze` over the elements' JSDoc),
//  - the theme tokens from src/internal/theme.ts,
//  - the client and the partner server client from their declaration files (dist/**/*.d.ts, JSDoc included),
//  - the data types from the zod schemas themselves (src/client/schemas.ts, loaded through tsx: the browser build no
//    longer ships them), as JSON Schema, with their field comments,
//  - the error codes with the message each one shows a traveller (src/i18n/en.ts, through dist/).
// `npm run build` ends by writing it (and `npm run docs:api` alone, after a build); `--check` fails when the committed
// file differs from what the current build generates.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as z from 'zod/mini';

const OUT = 'docs/api.md';
const read = (path) => readFileSync(path, 'utf8');
const pkg = JSON.parse(read('package.json'));
const manifest = JSON.parse(read('dist/custom-elements.json'));
const schemas = await import(new URL('../src/client/schemas.ts', import.meta.url).href);
const { messagesFor } = await import(new URL('../dist/i18n/index.js', import.meta.url).href);

/** Text safe inside a Markdown table cell. */
const cell = (text = '') => String(text).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim();
const code = (text) => (text ? `\`${String(text).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ')}\`` : '');
const anchor = (text) => text.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
function table(head, rows) {
  if (!rows.length) return '';
  return [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`), ''].join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Declaration files: interfaces, classes and functions with their JSDoc

/** Splits an interface or class body into members at top-level `;`, keeping each member's JSDoc. */
function members(body) {
  const found = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i];
    if (body.startsWith('/**', i)) i = body.indexOf('*/', i) + 1;
    else if ('{(['.includes(ch)) depth += 1;
    else if ('})]'.includes(ch)) depth -= 1;
    else if (ch === ';' && depth === 0) {
      found.push(body.slice(start, i));
      start = i + 1;
    }
  }
  return found.map((chunk) => {
    const docs = [...chunk.matchAll(/\/\*\*([\s\S]*?)\*\//g)];
    const doc = docs.length ? docs.at(-1)[1].replace(/^\s*\* ?/gm, '').trim() : '';
    const signature = chunk.replace(/\/\*\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').trim();
    return { doc, signature };
  });
}

function docBefore(source, index) {
  const before = source.slice(0, index).trimEnd();
  if (!before.endsWith('*/')) return '';
  const start = before.lastIndexOf('/**');
  return before.slice(start + 3, -2).replace(/^\s*\* ?/gm, '').trim();
}

function declarations(path) {
  const source = read(path);
  const interfaces = new Map();
  for (const match of source.matchAll(/export (?:interface|declare class) (\w+)(?:<[^>]*>)?(?: extends ([^{]+))?\s*\{\n([\s\S]*?)\n\}/g)) {
    interfaces.set(match[1], {
      doc: docBefore(source, match.index),
      extends: match[2]?.trim(),
      members: members(match[3]).filter((m) => !/^(private|protected)\b/.test(m.signature)),
    });
  }
  const functions = new Map();
  for (const match of source.matchAll(/export declare function (\w+)([\s\S]*?);\n/g)) {
    functions.set(match[1], { doc: docBefore(source, match.index), signature: `${match[1]}${match[2].replace(/\s+/g, ' ')}` });
  }
  return { interfaces, functions };
}

function renderInterface(name, item) {
  const lines = [`#### ${name}`, ''];
  if (item.doc) lines.push(item.doc, '');
  if (item.extends) lines.push(`Extends ${item.extends.split(',').map((s) => code(s.trim())).join(', ')}.`, '');
  const rows = item.members
    .filter((m) => m.signature && !m.signature.startsWith('constructor'))
    .map((m) => [code(m.signature.replace(/^(readonly |override |static )+/, (s) => s)), cell(m.doc)]);
  lines.push(table(['member', 'description'], rows));
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Data types: JSON Schema of each zod schema, and the field comments from the source

function fieldComments() {
  const comments = new Map();
  const source = read('src/client/schemas.ts').split('\n');
  let current;
  let pending = [];
  let inDoc = false;
  for (const line of source) {
    const start = line.match(/^export const (\w+) = z\.(?:object|strictObject)\(\{/);
    if (start) {
      current = start[1];
      pending = [];
      continue;
    }
    if (!current) continue;
    if (/^\}\);?$/.test(line) || /^export /.test(line)) {
      current = undefined;
      continue;
    }
    const single = line.match(/^ {2}\/\*\* (.*) \*\/$/);
    if (single) pending = [single[1]];
    else if (/^ {2}\/\*\*/.test(line)) (inDoc = true), (pending = []);
    else if (inDoc && /\*\/$/.test(line)) inDoc = false;
    else if (inDoc) pending.push(line.replace(/^\s*\* ?/, ''));
    else {
      const field = line.match(/^ {2}(\w+):/);
      if (field) {
        if (pending.length) comments.set(`${current}.${field[1]}`, pending.join(' '));
        pending = [];
      }
    }
  }
  return comments;
}

const typeNames = [...read('src/client/schemas.ts').matchAll(/^export type (\w+) = z\.infer<typeof (\w+)>;/gm)].map((m) => [m[1], m[2]]);
const registry = z.registry();
for (const [, schemaName] of typeNames) {
  if (schemas[schemaName] && !registry.has(schemas[schemaName])) registry.add(schemas[schemaName], { id: schemaName });
}
const typeOfSchema = new Map(typeNames.map(([type, schemaName]) => [schemaName, type]));
const json = z.toJSONSchema(registry, { io: 'output', unrepresentable: 'any', uri: (id) => `#${id}` }).schemas;

function typeText(schema) {
  if (!schema) return 'unknown';
  if (schema.$ref) {
    const id = schema.$ref.replace(/^#/, '');
    const type = typeOfSchema.get(id) ?? id;
    return `[${type}](#${anchor(type)})`;
  }
  if (schema.anyOf ?? schema.oneOf) return (schema.anyOf ?? schema.oneOf).map(typeText).join(' \\| ');
  if (Array.isArray(schema.type)) return schema.type.map((type) => typeText({ ...schema, type })).join(' \\| ');
  if (schema.const !== undefined) return code(JSON.stringify(schema.const).replace(/"/g, "'"));
  if (schema.enum) return schema.enum.map((v) => code(`'${v}'`)).join(' \\| ');
  if (schema.type === 'array') return `${typeText(schema.items)}[]`;
  if (schema.type === 'object') {
    if (!schema.properties) return schema.additionalProperties ? `Record<string, ${typeText(schema.additionalProperties)}>` : 'object';
    const required = new Set(schema.required ?? []);
    return `{ ${Object.entries(schema.properties).map(([k, v]) => `${k}${required.has(k) ? '' : '?'}: ${typeText(v)}`).join('; ')} }`;
  }
  if (schema.type === 'integer') return 'number (integer)';
  if (schema.type === 'string' && schema.format === 'date-time') return 'string (ISO 8601 time)';
  if (schema.type === 'null') return 'null';
  return schema.type ?? 'unknown';
}

function renderTypes() {
  const comments = fieldComments();
  const out = [];
  for (const [type, schemaName] of typeNames) {
    const schema = json[schemaName];
    if (!schema) continue;
    out.push(`### ${type}`, '');
    const doc = docBefore(read('src/client/schemas.ts'), read('src/client/schemas.ts').indexOf(`export const ${schemaName} =`));
    if (doc) out.push(doc, '');
    if (schema.type === 'object' && schema.properties) {
      const required = new Set(schema.required ?? []);
      out.push(
        table(
          ['field', 'type', 'description'],
          Object.entries(schema.properties).map(([field, value]) => [
            code(required.has(field) ? field : `${field}?`),
            typeText(value),
            cell(comments.get(`${schemaName}.${field}`) ?? ''),
          ]),
        ),
      );
    } else {
      out.push(typeText(schema), '');
    }
  }
  return out.join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Elements

const reactNames = new Map(
  readdirSync('src/react')
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => {
      const m = read(`src/react/${f}`).match(/export const (\w+)[\s\S]*?tagName: '([a-z-]+)'/);
      return m ? [[m[2], m[1]]] : [];
    }),
);

function renderElement(d) {
  const entry = d.tagName.replace(/^esim-/, '');
  const out = [`### \`<${d.tagName}>\``, ''];
  if (d.summary) out.push(`**${d.summary}**`, '');
  if (d.description) out.push(d.description, '');
  const ways = [`\`import '${pkg.name}/${entry}'\``];
  if (reactNames.has(d.tagName)) ways.push(`React: \`import { ${reactNames.get(d.tagName)} } from '${pkg.name}/react'\``);
  ways.push(`class \`${d.name}\``);
  out.push(ways.join(' · '), '');
  const publicMembers = (d.members ?? []).filter(
    (m) => (m.privacy ?? 'public') === 'public' && !m.static && !/^@internal/.test(m.description ?? '') &&
      !['store', 'storeConnected'].includes(m.name),
  );
  const byField = new Map(publicMembers.map((m) => [m.name, m]));
  out.push(
    table(
      ['attribute', 'property', 'type', 'default', 'description'],
      (d.attributes ?? []).map((a) => {
        const member = byField.get(a.fieldName);
        return [code(a.name), code(a.fieldName), code(a.type?.text ?? member?.type?.text), code(a.default ?? member?.default), cell(a.description ?? member?.description)];
      }),
    ),
  );
  const propertiesOnly = publicMembers.filter((m) => m.kind === 'field' && !m.attribute);
  if (propertiesOnly.length) {
    out.push('Properties only (set from script):', '');
    out.push(table(['property', 'type', 'description'], propertiesOnly.map((m) => [code(m.name), code(m.type?.text), cell(m.description)])));
  }
  const methods = publicMembers.filter((m) => m.kind === 'method');
  if (methods.length) {
    out.push(
      table(
        ['method', 'description'],
        methods.map((m) => [code(`${m.name}(${(m.parameters ?? []).map((p) => p.name).join(', ')})`), cell(m.description)]),
      ),
    );
  }
  out.push(table(['event', 'type', 'description'], (d.events ?? []).map((e) => [code(e.name), code(e.type?.text), cell(e.description)])));
  out.push(table(['slot', 'description'], (d.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)])));
  out.push(table(['CSS part', 'description'], (d.cssParts ?? []).map((p) => [code(p.name), cell(p.description)])));
  out.push(table(['CSS custom property', 'description'], (d.cssProperties ?? []).map((p) => [code(p.name), cell(p.description)])));
  return out.join('\n');
}

function themeTokens() {
  const rows = [];
  const seen = new Set();
  for (const [, name, fallback] of read('src/internal/theme.ts').matchAll(/var\((--esim-[a-z0-9-]+),\s*(.+?)\);\s*$/gm)) {
    if (seen.has(name)) continue;
    seen.add(name);
    rows.push([code(name), code(fallback)]);
  }
  return table(['token', 'default (light)'], rows);
}

// ---------------------------------------------------------------------------------------------------------------

function generate() {
  // In the order src/define.ts lists them: the provider first, then the elements inside it.
  const order = [...read('src/define.ts').matchAll(/'(esim-[a-z-]+)':/g)].map((m) => m[1]);
  const rank = (tag) => (order.includes(tag) ? order.indexOf(tag) : order.length);
  const elements = manifest.modules
    .flatMap((m) => (m.declarations ?? []).filter((d) => d.tagName))
    .sort((a, b) => rank(a.tagName) - rank(b.tagName));
  const client = declarations('dist/client/client.d.ts');
  const errors = declarations('dist/client/errors.d.ts');
  const server = declarations('dist/server/partner.d.ts');
  const webhooks = declarations('dist/server/webhooks.d.ts');
  const en = messagesFor('en');
  const clientCodes = [...read('dist/client/errors.d.ts').match(/export type RenewalErrorCode = ([^;]+);/)[1].matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);
  const codes = [...schemas.ERROR_CODES.map((c) => [c, 'server']), ...clientCodes.map((c) => [c, 'client'])];

  const fn = (decl, name) => {
    const f = decl.functions.get(name);
    return f ? [`#### \`${name}()\``, '', '```ts', `function ${f.signature}`, '```', '', f.doc, ''].join('\n') : '';
  };

  return [
    '# API reference',
    '',
    `<!-- Generated by \`npm run docs:api\` (scripts/api-docs.mjs) from dist/custom-elements.json and the declaration files. Do not edit by hand. -->`,
    '',
    `${pkg.name} ${pkg.version}. Contents: [Elements](#elements) · [Theme tokens](#theme-tokens) · [Client](#client) · [Errors](#errors) · [Partner server client](#partner-server-client) · [Data types](#data-types)`,
    '',
    '## Elements',
    '',
    'Every element works inside an `<esim-renewal>` provider (one client and one state shared by all of them) or alone with its own `api-base` and `session-token`. Events bubble and cross shadow roots.',
    '',
    ...elements.map(renderElement),
    '## Theme tokens',
    '',
    'Set them on any ancestor of the elements; each element\'s own custom properties (above) default to these.',
    '',
    themeTokens(),
    '## Client',
    '',
    `\`import { createRenewalClient } from '${pkg.name}'\` (or \`'${pkg.name}/client'\`, without the elements). In a script-tag page: \`EsimRenewal.createRenewalClient\`.`,
    '',
    fn(client, 'createRenewalClient'),
    ...[...client.interfaces].map(([name, item]) => renderInterface(name, item)),
    fn(client, 'claimHandoff'),
    fn(client, 'isFinalOrder'),
    '## Errors',
    '',
    ...[...errors.interfaces].map(([name, item]) => renderInterface(name, item)),
    fn(errors, 'isRenewalError'),
    '#### Error codes',
    '',
    '`code` is stable across versions; branch on it. Server codes come in the API\'s error body; client codes are what only the client can see.',
    '',
    table(
      ['code', 'from', 'what the elements tell the traveller (en)'],
      codes.map(([c, from]) => [code(c), from, cell(en.errors?.[c] ?? '')]),
    ),
    '## Partner server client',
    '',
    `\`import { createPartnerClient } from '${pkg.name}/server'\` — on your server only; it refuses to run in a browser.`,
    '',
    fn(server, 'createPartnerClient'),
    ...[...server.interfaces].map(([name, item]) => renderInterface(name, item)),
    '### Webhooks',
    '',
    `\`import { constructEvent } from '${pkg.name}/server'\` — verify every delivery before trusting it; the events and their fields are in the API's OpenAPI document (\`webhooks\`) and the README's Reminders section.`,
    '',
    fn(webhooks, 'constructEvent'),
    ...[...webhooks.interfaces].map(([name, item]) => renderInterface(name, item)),
    fn(webhooks, 'isWebhookVerificationError'),
    fn(webhooks, 'webhookSignatureHeader'),
    '## Data types',
    '',
    'What the API returns and accepts, as the client validates it (types exported from the package).',
    '',
    renderTypes(),
  ]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()
    .concat('\n');
}

const text = generate();
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = read(OUT);
  } catch {}
  if (current !== text) {
    console.error(`${OUT} is out of date: run \`npm run build && npm run docs:api\` and commit it.`);
    process.exit(1);
  }
  console.log(`${OUT} is up to date.`);
} else {
  writeFileSync(OUT, text);
  if (!process.argv.includes('--quiet')) console.log(`wrote ${OUT}`);
}
