/** English has two plural forms; `Intl.PluralRules` picks (a language with more, or none, writes its own messages). */
const englishPlurals = new Intl.PluralRules('en');

export const plural = (count: number, one: string, other: string) => (englishPlurals.select(count) === 'one' ? one : other);
