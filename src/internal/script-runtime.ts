import { VERSION } from '../version.js';

/**
 * What the script-tag file (`dist/esim-renewal.js`, a classic script) shares with its chunks (ES modules in
 * `dist/esim-renewal/`, imported on demand). The chunks do not bundle Lit, the client or the store again: they
 * import them from `esim-renewal/shared.js`, a module the build generates that re-exports `modules` — the very
 * bindings the file evaluated. So a page has one Lit, one context key, one store, one client, whichever chunks it
 * loads. See rollup.config.mjs (`scriptTag`) for the build's side of this contract.
 */
export interface ScriptRuntime {
  /** The package version of the file that installed this runtime. */
  readonly version: string;
  /** The folder the chunks are loaded from (`…/dist/esim-renewal/`). */
  readonly chunks: string;
  /** The file's modules, by the names the chunks import them under; the file's last statement shares them. */
  modules?: Record<string, unknown>;
  /** Called by the file's last statement (written by the build) with its modules. The first copy's stay. */
  share(modules: Record<string, unknown>): void;
  /** Imports a chunk, by its path relative to `chunks`; the build writes each of the file's `import()`s as this. */
  load(path: string): Promise<unknown>;
}

/** One runtime per version on a page: a second copy of the same file uses the first one's modules and chunks. */
export const RUNTIME_KEY = Symbol.for(`esim-renewal@${VERSION}`);

/** The attribute of the script tag that says where the chunks are, when not beside the file. */
export const BASE_ATTRIBUTE = 'data-esim-base';

/**
 * The folder the file's chunks live in: `esim-renewal/` beside the file itself (its `src`, read while it runs),
 * or under the URL the page gives in the script tag's `data-esim-base` (a folder holding `esim-renewal.js` and
 * `esim-renewal/`, e.g. a copy on the partner's own server). Without a current script (the file was bundled into
 * another one), the first `<script>` whose `src` ends in `esim-renewal.js`, else the page's own folder.
 */
export function chunkFolder(doc: Document = document): string {
  const current = doc.currentScript instanceof HTMLScriptElement ? doc.currentScript : null;
  const script = current?.src ? current : doc.querySelector<HTMLScriptElement>('script[src*="esim-renewal"]');
  const base = current?.getAttribute(BASE_ATTRIBUTE) ?? script?.getAttribute(BASE_ATTRIBUTE);
  const file = base ? new URL(base.endsWith('/') ? base : `${base}/`, doc.baseURI) : new URL(script?.src ?? '.', doc.baseURI);
  return new URL('esim-renewal/', file).href;
}

/** Installs this copy's runtime, or returns the one a copy of the same version installed before. */
export function installRuntime(): ScriptRuntime {
  const page = globalThis as unknown as Record<symbol, ScriptRuntime | undefined>;
  const existing = page[RUNTIME_KEY];
  if (existing) return existing;
  const chunks = chunkFolder();
  const runtime: ScriptRuntime = {
    version: VERSION,
    chunks,
    share(modules) {
      runtime.modules ??= modules;
    },
    // Not a string the bundler can follow: the chunk's address is the page's business (the script's folder or
    // data-esim-base), and an import map may pin its integrity.
    load: (path) => import(new URL(path, chunks).href),
  };
  Object.defineProperty(page, RUNTIME_KEY, { value: runtime });
  return runtime;
}
