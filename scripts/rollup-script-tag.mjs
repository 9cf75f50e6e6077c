// The script-tag build: one classic script with the usual page's critical path, and ES-module chunks beside it for
// everything else, all sharing one copy of every module.
//
// Rollup builds `src/cdn.ts` as ES modules with code splitting: the entry chunk holds everything the entry imports
// statically (Lit, the client, the store, four elements, English), each `import()` becomes a chunk, and the chunks
// import what they share with the entry from the entry chunk. This plugin then:
//   1. writes the entry chunk as a classic script, `esim-renewal.js`: its code wrapped in a function whose last
//      statements hand every binding the chunks import to the page's runtime (`runtime.share({…})`) and return the
//      entry's own exports (the `EsimRenewal` global);
//   2. puts in the entry chunk's place (`esim-renewal/shared.js`, the module every chunk imports) a module that
//      re-exports those bindings from the runtime: the chunks get the very Lit, context key, store and client the
//      script evaluated, never a second copy;
//   3. writes each of the script's `import()`s as `runtime.load('./<chunk>')`, which resolves the chunk against the
//      folder the script came from (or `data-esim-base`): a classic script has no `import.meta.url` to do it with;
//   4. minifies each file (terser: the script as a script, the chunks as modules) and lets V8 compile the script's
//      outer function eagerly (see `startup` below and bench/README.md);
//   5. writes `esim-renewal.integrity.json`: the SRI hash of the script and of every chunk, for pages that pin them.
// The runtime is src/internal/script-runtime.ts; `runtimeKey` below must name the same global.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import MagicString from 'magic-string';
import { minify } from 'terser';

export const SCRIPT_FILE = 'esim-renewal.js';
export const CHUNK_DIR = 'esim-renewal';
/** Where the entry chunk's exports are re-exported for the chunks. */
export const SHARED_MODULE = `${CHUNK_DIR}/shared.js`;
export const INTEGRITY_FILE = 'esim-renewal.integrity.json';

/** Rollup output options that go with the plugin. */
export const scriptTagOutput = (dir) => ({
  dir,
  format: 'es',
  entryFileNames: SHARED_MODULE,
  chunkFileNames: `${CHUNK_DIR}/[name]-[hash].js`,
  sourcemap: true,
});

/**
 * @param {object} options
 * @param {string} options.version  the package version: the runtime's key (src/internal/script-runtime.ts)
 * @param {string} options.globalName  the global the script sets
 * @param {import('terser').MinifyOptions} options.terserOptions
 * @param {'plain' | 'parenthesized' | 'compile-hints'} [options.startup]  how V8 is told to compile the script (default
 *   `compile-hints`, which took the main thread's compiling out of startup: bench/README.md):
 *   `parenthesized` wraps the outer function in parentheses, which V8 takes as "called at once" and compiles it
 *   eagerly while the file streams in, instead of pre-parsing it and parsing it again on the main thread when it is
 *   called; `compile-hints` adds Chromium's `//# allFunctionsCalledOnLoad` so that every function is compiled so.
 */
export function scriptTag({ version, globalName, terserOptions, startup = 'compile-hints' }) {
  if (!['plain', 'parenthesized', 'compile-hints'].includes(startup)) throw new Error(`unknown startup: ${startup}`);
  const runtime = `globalThis[Symbol.for(${JSON.stringify(`esim-renewal@${version}`)})]`;
  let dir;
  return {
    name: 'script-tag',

    renderDynamicImport({ chunk, targetChunk }) {
      // Chunks import each other relative to themselves, as modules do; the script cannot, so it asks the runtime.
      if (!chunk.isEntry || !targetChunk) return null;
      return { left: `${runtime}.load(`, right: ')' };
    },

    async renderChunk(code, chunk) {
      if (!chunk.isEntry) {
        const result = await minify(code, { ...terserOptions, module: true, sourceMap: { asObject: true } });
        return { code: result.code, map: result.map };
      }
      const wrapped = asClassicScript(this, code, chunk, runtime, globalName);
      const result = await minify(wrapped.toString(), {
        ...terserOptions,
        module: false,
        format: { ...terserOptions.format, wrap_iife: startup !== 'plain' },
        sourceMap: { content: JSON.stringify(wrapped.generateMap({ hires: true, source: chunk.fileName })), asObject: true },
      });
      if (startup !== 'compile-hints') return { code: result.code, map: result.map };
      // One line more at the top: every mapping moves down a line.
      return { code: `//# allFunctionsCalledOnLoad\n${result.code}`, map: { ...result.map, mappings: `;${result.map.mappings}` } };
    },

    generateBundle(options, bundle, isWrite) {
      dir = options.dir;
      // Chunk names carry their content's hash: a folder of older ones would ship with the package.
      if (isWrite) rmSync(join(dir, CHUNK_DIR), { recursive: true, force: true });
      const entry = bundle[SHARED_MODULE];
      if (entry?.type !== 'chunk') this.error(`the entry chunk is not at ${SHARED_MODULE}`);
      // The script goes to the top of dist/; its map's sources are relative to where it lands.
      const map = { ...entry.map, file: SCRIPT_FILE };
      map.sources = map.sources.map((source) => relative(dir, resolve(dir, CHUNK_DIR, source)));
      const code = entry.code.replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '');
      this.emitFile({ type: 'asset', fileName: SCRIPT_FILE, source: `${code}\n//# sourceMappingURL=${SCRIPT_FILE}.map\n` });
      this.emitFile({ type: 'asset', fileName: `${SCRIPT_FILE}.map`, source: JSON.stringify(map) });
      entry.code = sharedModule(this, runtime, entry.exports);
      entry.map = null;
      delete bundle[`${SHARED_MODULE}.map`];
    },

    writeBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((file) => file === SCRIPT_FILE || (file.startsWith(`${CHUNK_DIR}/`) && file.endsWith('.js')));
      const hashes = Object.fromEntries(
        files.sort().map((file) => [file, `sha384-${createHash('sha384').update(readFileSync(join(dir, file))).digest('base64')}`]),
      );
      writeFileSync(join(dir, INTEGRITY_FILE), `${JSON.stringify(hashes, null, 2)}\n`);
    },
  };
}

/**
 * The entry chunk's ES module code as a classic script: its one `export { … }` becomes the runtime's share of every
 * binding and the returned global of the entry's own exports. It must have no `import` (everything it needs is in
 * it) and no `import.meta` (a script has none).
 */
function asClassicScript(context, code, chunk, runtime, globalName) {
  const program = context.parse(code);
  const s = new MagicString(code);
  const publicNames = new Set(context.getModuleInfo(chunk.facadeModuleId).exports);
  const declared = declarationKinds(program);
  const shared = [];
  const global = [];
  for (const node of program.body) {
    if (node.type === 'ImportDeclaration' || node.type === 'ExportAllDeclaration' || node.source) {
      context.error(`the script-tag file must not import anything statically, but it imports ${node.source.value}`);
    }
    if (node.type === 'ExportDefaultDeclaration') context.error('the script-tag entry has no default export');
    if (node.type !== 'ExportNamedDeclaration') continue;
    if (node.declaration) context.error('the script-tag entry chunk exports a declaration rollup should have listed');
    for (const { local, exported } of node.specifiers) {
      const name = exported.name ?? exported.value;
      // A binding the code reassigns later is read when a chunk asks for it, not copied once.
      shared.push(declared.get(local.name) === 'const' ? `${JSON.stringify(name)}:${local.name}` : `get ${JSON.stringify(name)}(){return ${local.name}}`);
      if (publicNames.has(name)) global.push(`${JSON.stringify(name)}:${local.name}`);
    }
    s.remove(node.start, node.end);
  }
  if (/\bimport\.meta\b/.test(code)) context.error('the script-tag file cannot use import.meta (it is a classic script)');
  s.prepend(`var ${globalName} = function () {\n'use strict';\n`);
  s.append(`\n${runtime}.share({${shared.join(',')}});\nreturn {${global.join(',')}};\n}();\n`);
  return s;
}

/** How each top-level name of the program is declared: `const` (functions, classes, const) or `let`. */
function declarationKinds(program) {
  const kinds = new Map();
  for (const node of program.body) {
    if (node.type === 'FunctionDeclaration' || node.type === 'ClassDeclaration') kinds.set(node.id.name, 'const');
    if (node.type !== 'VariableDeclaration') continue;
    for (const declaration of node.declarations) {
      for (const name of boundNames(declaration.id)) kinds.set(name, node.kind === 'const' ? 'const' : 'let');
    }
  }
  return kinds;
}

function boundNames(pattern) {
  if (pattern.type === 'Identifier') return [pattern.name];
  if (pattern.type === 'ObjectPattern') return pattern.properties.flatMap((p) => boundNames(p.type === 'RestElement' ? p.argument : p.value));
  if (pattern.type === 'ArrayPattern') return pattern.elements.filter(Boolean).flatMap((p) => boundNames(p.type === 'RestElement' ? p.argument : p));
  if (pattern.type === 'AssignmentPattern') return boundNames(pattern.left);
  return [];
}

/** The module the chunks import the script's bindings from. */
function sharedModule(context, runtime, names) {
  const local = '$$esimModules'; // rollup's export names are far shorter: it cannot be one of them
  if (names.includes(local)) context.error(`the entry chunk exports ${local}, the shared module's own name`);
  return [
    `// The bindings of ${SCRIPT_FILE} that its chunks use, from the page's runtime (src/internal/script-runtime.ts).`,
    `const ${local} = ${runtime}?.modules;`,
    `if (!${local}) throw new Error('esim-renewal: load ${SCRIPT_FILE} with a <script> tag; its chunks do not run alone');`,
    `for (const name of ${JSON.stringify(names)}) {`,
    `  if (!(name in ${local})) throw new Error(\`esim-renewal: \${name} is missing from ${SCRIPT_FILE}: a file and chunks of different builds\`);`,
    '}',
    `export const { ${names.join(', ')} } = ${local};`,
    '',
  ].join('\n');
}
