// TypeDoc needs TypeScript's compiler API, which TypeScript 7 (the project's compiler) no longer has. Imported before
// TypeDoc is (scripts/api-docs.mjs does), this sends TypeDoc's `import ... from 'typescript'` (and its plugins')
// to typescript@5.9, installed beside TypeScript 7 under the alias `typescript-5` (package.json); everything else
// keeps TypeScript 7. npm's `overrides` lets TypeDoc's peer dependency on TypeScript 5 accept the root's 7 at
// install time; this is where 5.9 is actually given to it. It works for ES module imports, which is how TypeDoc 0.28
// loads TypeScript.
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

/** The packages that get TypeScript 5: TypeDoc and its plugins. */
const TYPEDOC = /\/node_modules\/typedoc(-plugin-[a-z-]+)?\//;

/** Node's module resolution hook (runs on the loader's own thread). */
export async function resolve(specifier, context, nextResolve) {
  if ((specifier === 'typescript' || specifier.startsWith('typescript/')) && TYPEDOC.test(context.parentURL ?? '')) {
    return nextResolve(specifier.replace(/^typescript/, 'typescript-5'), context);
  }
  return nextResolve(specifier, context);
}

if (isMainThread) register(import.meta.url);
