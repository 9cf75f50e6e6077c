/**
 * `locale="auto"`: the locale to show, chosen from the traveller's preferences (`navigator.languages`, best first)
 * among the locales we ship, by BCP 47 rules with CLDR's likely subtags (`Intl.Locale#maximize`):
 *
 * - a preference matches a shipped locale of the same language and script, so `zh-TW`, `zh-Hant` and `zh-Hant-CN`
 *   are Traditional Chinese (`zh-TW`), `zh`, `zh-SG` and `zh-MY` Simplified (`zh-CN`), `ms-SG` is `ms`, `ja-JP` is
 *   `ja`; among several of that language and script, the one of the same region wins (`zh-HK`), then the one CLDR
 *   makes the region's parent (Macau reads Hong Kong's: `zh-MO` → `zh-HK`), then a shipped tag without a region
 *   (`en` for `en-GB`), then the script's own region (`zh-Hant` is `zh-Hant-TW`);
 * - legacy and alias codes are canonicalized first (`in` → `id`, `iw` → `he`, `tl` → `fil`);
 * - the first preference that matches wins. Only when none does, a preference is matched in another script of its
 *   language (a Traditional reader with no Traditional locale gets Simplified rather than English; Cantonese, `yue`,
 *   counts as Chinese), again in preference order;
 * - otherwise `fallback` (English).
 *
 * Pure: the caller passes `navigator.languages` and the shipped tags, and gets one of those tags (spelled as given) or
 * `fallback`. Malformed tags (`*`, `en_US` from some WebViews is accepted as `en-US`) are skipped, never thrown.
 */
export function negotiateLocale(requested: readonly string[], available: readonly string[], fallback = 'en'): string {
  const shipped = available.map(parse).filter((locale): locale is Parsed => locale !== undefined);
  const wanted = requested.map(parse).filter((locale): locale is Parsed => locale !== undefined);
  for (const want of wanted) {
    const match = best(
      want,
      shipped.filter((have) => have.language === want.language && have.script === want.script),
    );
    if (match) return match;
  }
  for (const want of wanted) {
    const match = best(
      want,
      shipped.filter((have) => macro(have.language) === macro(want.language)),
    );
    if (match) return match;
  }
  return fallback;
}

interface Parsed {
  /** The tag as given. */
  tag: string;
  /** Language, script and region after canonicalizing and adding likely subtags: `zh` → `zh`, `Hans`, `CN`. */
  language: string;
  script: string;
  region: string;
  /** Whether the tag itself named a region (`ja-JP`), rather than `maximize()` adding one (`ja`). */
  hasRegion: boolean;
}

function parse(tag: string): Parsed | undefined {
  let locale: Intl.Locale;
  try {
    locale = new Intl.Locale(tag.replaceAll('_', '-'));
  } catch {
    return undefined;
  }
  const full = locale.maximize();
  return {
    tag,
    language: full.language,
    script: full.script ?? '',
    region: full.region ?? '',
    hasRegion: !!locale.region,
  };
}

/**
 * Regions whose readers use another region's variant: CLDR's parentLocales make zh_Hant_MO a child of zh_Hant_HK
 * (Macau's Traditional Chinese follows Hong Kong's words, not Taiwan's).
 */
const PARENT_REGION: Readonly<Record<string, string>> = { 'zh-Hant-MO': 'HK' };

/** Cantonese is written in Chinese: a `yue` reader is better served by Chinese than by the fallback. */
const macro = (language: string) => (language === 'yue' ? 'zh' : language);

/** The candidate that serves `want` best (same region, parent region, no region, the script's own region, any). */
function best(want: Parsed, candidates: readonly Parsed[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const parent = PARENT_REGION[`${want.language}-${want.script}-${want.region}`];
  const home = (have: Parsed) => new Intl.Locale(`${have.language}-${have.script}`).maximize().region === have.region;
  const ranked =
    candidates.find((have) => have.region === want.region) ??
    candidates.find((have) => parent !== undefined && have.region === parent) ??
    candidates.find((have) => !have.hasRegion) ??
    candidates.find(home) ??
    candidates[0]!;
  return ranked.tag;
}

/**
 * `locale="auto"` as a whole: the traveller's browser first (`browser`, i.e. `navigator.languages`, negotiated as
 * above), so a Japanese phone gets Japanese on a partner page written in English; the page's own language
 * (`pageLang`, its nearest `lang` attribute) only when none of the browser's languages is one we ship (a German
 * phone on a Japanese page reads Japanese, not English); then `fallback`. A partner who wants the page's language
 * whatever the browser says sets `locale` explicitly.
 */
export function negotiateAuto(
  browser: readonly string[],
  pageLang: string | undefined,
  available: readonly string[],
  fallback = 'en',
): string {
  const fromBrowser = negotiateLocale(browser, available, '');
  if (fromBrowser) return fromBrowser;
  return pageLang ? negotiateLocale([pageLang], available, fallback) : fallback;
}
