// Packs every locale other than English at build time. A locale file (src/i18n/zh-CN.ts) repeats every key of `en`
// so that translators read and TypeScript checks a normal object; the build ships only its values, in en's order, and
// `unpackMessages` (src/i18n/unpack.ts) puts en's keys back when the module is evaluated:
//
//   export const zhCN = { badge: { label: 'eSIM 余量', dataLeft: (amount) => `剩余 ${amount}` }, … };
//   →  import { en as __packEn } from './en.js'; import { unpackMessages as __packUnpack } from './unpack.js';
//      export const zhCN = /*#__PURE__*/ __packUnpack(__packEn, ['eSIM 余量', (amount) => `剩余 ${amount}`, …]);
//
// It saves about 0.44 kB min+gzip of the script-tag file per locale. It works on esbuild's output (types gone), so it
// must come after esbuild in the plugin list: rollup runs transform hooks in plugin order. Anything it cannot pack
// safely is a build error, never a silent fallback: a locale whose keys are not en's keys in en's order, a spread, a
// computed key, or a value other than a string, a template, a function, an array or a nested object.
import MagicString from 'magic-string';

/** Locale modules: `src/i18n/<BCP 47 tag>.ts`, except en.ts (the reference). */
export const LOCALE_MODULE = /\/src\/i18n\/(?!en\.ts$)[a-z]{2,3}(?:-[A-Za-z0-9]+)*\.ts$/;

const ENGLISH = { from: './en.js', name: 'en' };
const UNPACK = { from: './unpack.js', name: 'unpackMessages' };
const LEAVES = new Set(['TemplateLiteral', 'ArrowFunctionExpression', 'FunctionExpression', 'ArrayExpression']);

/** The rollup plugin; `include` matches the module ids to pack (default: {@link LOCALE_MODULE}). */
export function packLocale({ include = LOCALE_MODULE } = {}) {
  return {
    name: 'pack-locale',
    async transform(code, id) {
      if (!include.test(id.replaceAll('\\', '/'))) return null;
      if (/\b__pack(?:En|Unpack)\b/.test(code)) this.error(`the names __packEn and __packUnpack are reserved`);
      const locale = exportedObject(this, code);
      const english = await this.resolve(ENGLISH.from, id);
      if (!english) this.error(`cannot resolve ${ENGLISH.from}, the locale every other one follows`);
      const { code: englishCode } = await this.load(english);
      const reference = walk(
        this,
        exportedObject(this, englishCode, english.id, ENGLISH.name).object,
        `${english.id}: `,
      );
      const { leaves, paths } = walk(this, locale.object);
      checkShape(this, paths, reference.paths);

      // Keep each value's text where it is (and the rest of the module: helpers the values call), drop the keys.
      const s = new MagicString(code);
      const { object } = locale;
      const call = `/*#__PURE__*/ __packUnpack(__packEn, [`;
      if (leaves.length === 0) s.overwrite(object.start, object.end, `${call}])`);
      else {
        s.overwrite(object.start, leaves[0].start, call);
        for (let i = 1; i < leaves.length; i++) s.overwrite(leaves[i - 1].end, leaves[i].start, ', ');
        s.overwrite(leaves.at(-1).end, object.end, '])');
      }
      s.prepend(
        `import { ${ENGLISH.name} as __packEn } from '${ENGLISH.from}';\n` +
          `import { ${UNPACK.name} as __packUnpack } from '${UNPACK.from}';\n`,
      );
      return { code: s.toString(), map: s.generateMap({ hires: true, source: id, includeContent: true }) };
    },
  };
}

/**
 * The object literal of `export const <name> = {…}`: the only exported one, or the one called `name`. `id` names
 * the module in errors when it is not the one being transformed.
 */
function exportedObject(context, code, id, name) {
  const found = [];
  for (const statement of context.parse(code).body) {
    if (statement.type !== 'ExportNamedDeclaration' || statement.declaration?.type !== 'VariableDeclaration') continue;
    for (const { id: binding, init } of statement.declaration.declarations) {
      if (init?.type === 'ObjectExpression' && (!name || binding.name === name))
        found.push({ name: binding.name, object: init });
    }
  }
  if (found.length !== 1) {
    const wanted = name ? `\`export const ${name} = {…}\`` : 'one `export const <name> = {…}`';
    const names = found.map((f) => f.name).join(', ');
    context.error(`${id ? `${id}: ` : ''}expected ${wanted} to pack, found ${found.length}${names && `: ${names}`}`);
  }
  return found[0];
}

/**
 * The object's leaves (value nodes) in source order, and its shape as paths: `badge{}` for a nested object,
 * `badge.label` for a leaf. unpackMessages walks en's keys with Object.entries, which lists integer-like keys first
 * whatever the source order, and `__proto__` would set the prototype: both are refused. `file` names the module in
 * errors about en (rollup already names the module being transformed).
 */
function walk(context, object, file = '', prefix = '', out = { leaves: [], paths: [] }) {
  const fail = (path, problem) => context.error(`${file}${path || 'the top level'}: ${problem}`);
  for (const property of object.properties) {
    if (property.type !== 'Property') fail(prefix, 'a spread (...) cannot be packed; write the keys out');
    if (property.computed) fail(prefix, 'a computed key ([…]) cannot be packed; write the key out');
    const key = property.key.type === 'Identifier' ? property.key.name : property.key.value;
    if (typeof key !== 'string' || /^(?:0|[1-9]\d*)$/.test(key) || key === '__proto__') {
      fail(prefix, `the key ${JSON.stringify(key)} cannot be packed (numeric or __proto__)`);
    }
    const path = prefix ? `${prefix}.${key}` : key;
    if (property.kind !== 'init' || property.method || property.shorthand) {
      fail(path, 'a getter, setter, method or shorthand property cannot be packed; write `key: value`');
    }
    const { value } = property;
    if (value.type === 'ObjectExpression') {
      out.paths.push(`${path}{}`);
      walk(context, value, file, path, out);
    } else if (LEAVES.has(value.type) || (value.type === 'Literal' && typeof value.value === 'string')) {
      out.paths.push(path);
      out.leaves.push(value);
    } else {
      fail(
        path,
        `its value (${value.type}) cannot be packed: only strings, templates, functions, arrays and nested ` +
          'objects can (write the value out rather than referring to another one)',
      );
    }
  }
  return out;
}

/** The locale's shape must be en's, key for key and in the same order: the values are matched by position. */
function checkShape(context, paths, reference) {
  const missing = reference.filter((path) => !paths.includes(path));
  const extra = paths.filter((path) => !reference.includes(path));
  if (missing.length || extra.length) {
    const list = (label, items) => (items.length ? ` ${label}: ${items.join(', ')}.` : '');
    context.error(`its keys differ from en's.${list('Missing', missing)}${list('Not in en', extra)}`);
  }
  const at = paths.findIndex((path, i) => path !== reference[i]);
  if (at !== -1) {
    context.error(
      `${paths[at].replace(/\{\}$/, '')} comes where en has ${reference[at].replace(/\{\}$/, '')}; ` +
        'list the keys in the order of src/i18n/en.ts (the build matches values to keys by position)',
    );
  }
}
