/**
 * Loads each element of the script-tag file that is not in the file itself when its tag first appears in the
 * document — parsed, or added later by the page's own script — as Shoelace's and Web Awesome's autoloaders do: a
 * `MutationObserver` on the document, and one `import()` per tag however many times it appears.
 *
 * Elements inside another component's shadow root are out of the observer's sight: such pages call
 * `EsimRenewal.loadAll()` (or put one of the tag in the document).
 */
export interface Autoloader {
  /**
   * Resolves once every element of ours in the document as parsed is defined and has rendered in its language
   * (its data may still be loading); rejects, naming the chunk, if one could not be loaded.
   */
  readonly ready: Promise<void>;
  /** Loads every chunk now: each on-demand element and everything `eager` lists (payment steps, languages). */
  loadAll(): Promise<void>;
}

export interface AutoloaderOptions {
  /** Each on-demand element's loader, by tag name. */
  elements: Record<string, () => Promise<unknown>>;
  /** Every tag of the SDK, on demand or not: what `ready` waits for. */
  tags: string[];
  /** What `loadAll` loads besides the elements. */
  eager: Array<() => Promise<unknown>>;
}

/** The page's autoloader: the first copy of the script-tag file to run, of any version, owns the tags. */
const OWNER_KEY = Symbol.for('esim-renewal:autoloader');

export function startAutoloader({ elements, tags, eager }: AutoloaderOptions): Autoloader {
  const page = globalThis as unknown as Record<symbol, Autoloader | undefined>;
  const existing = page[OWNER_KEY];
  if (existing) return existing;

  const onDemand = Object.keys(elements).join(',');
  const loading = new Map<string, Promise<void>>();

  const load = (tag: string): Promise<void> => {
    if (customElements.get(tag)) return Promise.resolve();
    let pending = loading.get(tag);
    if (!pending) {
      pending = elements[tag]!().then(
        () => undefined,
        (error: unknown) => {
          loading.delete(tag); // the next appearance of the tag tries again
          throw new Error(`esim-renewal: <${tag}> could not be loaded`, { cause: error });
        },
      );
      loading.set(tag, pending);
    }
    return pending;
  };

  /** Loads every on-demand element in `root` (itself included); a failure is reported, not thrown into the page. */
  const discover = (root: Element | Document): Promise<void> => {
    const found = new Set<string>();
    if (root instanceof Element && root.matches(onDemand)) found.add(root.localName);
    for (const element of root.querySelectorAll(onDemand)) found.add(element.localName);
    const loads = [...found].map((tag) => load(tag));
    for (const pending of loads) pending.catch((error: Error) => console.warn(error.message, error.cause));
    return Promise.all(loads).then(() => undefined);
  };

  new MutationObserver((records) => {
    for (const { addedNodes } of records) {
      for (const node of addedNodes) if (node instanceof Element) void discover(node).catch(() => undefined);
    }
  }).observe(document.documentElement, { childList: true, subtree: true });

  const parsed =
    document.readyState === 'loading'
      ? new Promise<void>((done) => document.addEventListener('DOMContentLoaded', () => done(), { once: true }))
      : Promise.resolve();
  const ready = parsed.then(async () => {
    await discover(document);
    const ours = [...document.querySelectorAll(tags.join(','))];
    await Promise.all(
      ours.map(async (element) => {
        await customElements.whenDefined(element.localName);
        await (element as Element & { updateComplete?: Promise<unknown> }).updateComplete;
      }),
    );
  });
  ready.catch(() => undefined); // reported by discover; a page that awaits `ready` sees the rejection

  const autoloader: Autoloader = {
    ready,
    loadAll: () => Promise.all([...Object.keys(elements).map(load), ...eager.map((run) => run())]).then(() => undefined),
  };
  Object.defineProperty(page, OWNER_KEY, { value: autoloader });
  return autoloader;
}
