#!/usr/bin/env node
// docs/api.md, the API reference, generated — never written by hand — by two tools and stitched here:
//  - the elements: @custom-elements-manifest/to-markdown over dist/custom-elements.json (`cem analyze` over the
//    elements' JSDoc), one element at a time under a heading that adds its entry point and React component;
//  - the client, the errors, the partner server client and the data types: TypeDoc with typedoc-plugin-markdown
//    (one page per entry point, split here by TypeDoc's own groups) and typedoc-plugin-zod (a `z.infer<typeof X>`
//    type shows as the object it is, with its fields' comments);
//  - kept here: the theme tokens (src/internal/theme-base.ts) and the error codes with the message each shows a traveller
//    (src/i18n/en.ts).
// `npm run build` ends by writing it (`npm run docs:api` alone, after a build); `--check` fails when the committed
// file differs. Runs under tsx (for the .ts sources it reads): `node --import tsx scripts/api-docs.mjs`.
import './typescript-5.mjs'; // first: TypeDoc needs TypeScript 5, and is imported below, once this is in place
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { customElementsManifestToMarkdown } from '@custom-elements-manifest/to-markdown';

const OUT = 'docs/api.md';
const read = (path) => readFileSync(path, 'utf8');
const pkg = JSON.parse(read('package.json'));
const { ERROR_CODES } = await import(new URL('../src/client/constants.ts', import.meta.url).href);
const { en } = await import(new URL('../src/i18n/en.ts', import.meta.url).href);

const code = (text) => `\`${String(text).replace(/\|/g, '\\|')}\``;
const cell = (text = '') => String(text).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim();
const table = (head, rows) =>
  [`| ${head.join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`), ''].join('\n');

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

/**
 * What a page can use: the public instance members and the events that the JSDoc documents (STYLE.md: every public
 * property has its comment; `@fires` always has a description). Left out: what is marked `@internal` (the analyzer
 * drops it, but not a subclass's undocumented override of it, such as `storeConnected`), and the events the analyzer
 * guesses from `dispatchEvent(new SomeEvent(card))` calls, which it names after their first argument.
 */
function publicApi(declaration) {
  return {
    ...declaration,
    members: (declaration.members ?? []).filter((m) => (m.privacy ?? 'public') === 'public' && !m.static && m.description),
    events: (declaration.events ?? []).filter((e) => e.description),
  };
}

function renderElement(module, declaration) {
  const entry = declaration.tagName.replace(/^esim-/, '');
  const ways = [`\`import '${pkg.name}/${entry}'\``];
  if (reactNames.has(declaration.tagName)) ways.push(`React: \`import { ${reactNames.get(declaration.tagName)} } from '${pkg.name}/react'\``);
  ways.push(`class \`${declaration.name}\``);
  const tables = customElementsManifestToMarkdown(
    { schemaVersion: '1.0.0', modules: [{ ...module, declarations: [publicApi(declaration)], exports: [] }] },
    // (Section names as the tool spells them in its code; its README's camelCase names are not read.)
    { headingOffset: 1, private: 'hidden', omitSections: ['main-heading', 'super-class'] },
  );
  return [
    `### \`<${declaration.tagName}>\``,
    '',
    declaration.summary ? `**${declaration.summary}**\n` : '',
    declaration.description ? `${declaration.description}\n` : '',
    ways.join(' · '),
    '',
    // The tool always heads a class with `class: Name, tag`, which the element's heading above already says. It
    // writes descriptions as plain text, escaping their Markdown; JSDoc is Markdown (Storybook renders it so), so
    // the escapes go, except `\|`, which a table cell needs.
    tables
      .replace(/^#+ class: .*\n/m, '')
      .replace(/<hr\/>\s*$/, '')
      .replace(/^\|.*$/gm, (row) => row.replace(/\\([!-/:-@[-`{-~])/g, (escape, ch) => (ch === '|' ? escape : ch))),
  ].join('\n');
}

function elements() {
  const manifest = JSON.parse(read('dist/custom-elements.json'));
  // In the order src/define.ts lists them: the provider first, then the elements inside it.
  const order = [...read('src/define.ts').matchAll(/'(esim-[a-z-]+)':/g)].map((m) => m[1]);
  const rank = (tag) => (order.includes(tag) ? order.indexOf(tag) : order.length);
  return manifest.modules
    .flatMap((module) => (module.declarations ?? []).filter((d) => d.tagName).map((d) => [module, d]))
    .sort(([, a], [, b]) => rank(a.tagName) - rank(b.tagName))
    .map(([module, declaration]) => renderElement(module, declaration));
}

function themeTokens() {
  const rows = [];
  const seen = new Set();
  for (const [, name, fallback] of read('src/internal/theme-base.ts').matchAll(/var\((--esim-[a-z0-9-]+),\s*(.+?)\);\s*$/gm)) {
    if (seen.has(name)) continue;
    seen.add(name);
    rows.push([code(name), code(fallback)]);
  }
  return table(['token', 'default (light)'], rows);
}

function errorCodes() {
  const server = new Set(ERROR_CODES);
  return table(
    ['code', 'from', 'what the elements tell the traveller (en)'],
    Object.entries(en.errors).map(([c, message]) => [code(c), server.has(c) ? 'server' : 'client', cell(message)]),
  );
}

// ---------------------------------------------------------------------------------------------------------------

async function generate() {
  const dir = mkdtempSync(join(tmpdir(), 'api-docs-'));
  const { renderTypeDoc } = await import('./api-docs-typedoc.mjs');
  let client;
  let server;
  try {
    ({ client, server } = await renderTypeDoc(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return [
    '# API reference',
    '',
    '<!-- Generated by `npm run docs:api` (scripts/api-docs.mjs): the elements by @custom-elements-manifest/to-markdown, the client and the types by TypeDoc. Do not edit by hand. -->',
    '',
    `${pkg.name} ${pkg.version}. Contents: [Elements](#elements) · [Theme tokens](#theme-tokens) · [Client](#client) · [Errors](#errors) · [Partner server client](#partner-server-client) · [Data types](#data-types)`,
    '',
    '## Elements',
    '',
    'Every element works inside an `<esim-renewal>` provider (one client and one state shared by all of them) or alone with its own `api-base` and `session-token`. Events bubble and cross shadow roots. Each element lists its properties (fields), methods, events, attributes (and the field each one sets), slots, CSS parts and CSS custom properties.',
    '',
    ...elements(),
    '## Theme tokens',
    '',
    "Set them on any ancestor of the elements; each element's own custom properties (above) default to these.",
    '',
    themeTokens(),
    '## Client',
    '',
    `\`import { createRenewalClient } from '${pkg.name}'\` (or \`'${pkg.name}/client'\`, without the elements). In a script-tag page: \`EsimRenewal.createRenewalClient\`.`,
    '',
    client('Functions'),
    client('Interfaces'),
    '## Errors',
    '',
    'Every failure of the client is a `RenewalError`; the elements show its message in the page\'s language and fire `esim-renewal-error`.',
    '',
    client('Classes'),
    '### Error codes',
    '',
    "`code` is stable across versions; branch on it. Server codes come in the API's error body; client codes are what only the client can see.",
    '',
    errorCodes(),
    '## Partner server client',
    '',
    `\`import { createPartnerClient } from '${pkg.name}/server'\` — on your server only; it refuses to run in a browser. It also exports \`RenewalError\`, \`isRenewalError\` and the types it uses (above and below).`,
    '',
    server('Functions'),
    server('Interfaces'),
    '### Webhooks',
    '',
    `\`import { constructEvent } from '${pkg.name}/server'\` — verify every delivery before trusting it; the events and their fields are in the API's OpenAPI document (\`webhooks\`) and the README's Reminders section. \`constructEvent\` throws a \`WebhookVerificationError\` (its \`code\` says why) for a bad signature, an old timestamp or a malformed body.`,
    '',
    server('Classes'),
    server('Type Aliases'),
    '## Data types',
    '',
    'What the API returns and accepts, as the client validates it (types exported from the package). Times are ISO 8601 UTC strings (`2026-11-25T08:00:00.000Z`); amounts of money are in minor units (cents, fen) of their currency.',
    '',
    client('Type Aliases'),
  ]
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()
    .concat('\n');
}

const text = await generate();
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
