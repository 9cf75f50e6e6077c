import type { PartnerCard } from '../src/client/schemas.ts';
import type { Reminder } from './reminders.ts';

export type DemoCard = PartnerCard;

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const TEXT = {
  'zh-CN': {
    title: '我的 eSIM · 环球行旅',
    brand: '环球行旅',
    nav: ['机票', '酒店', '我的 eSIM'],
    heading: '我的 eSIM 流量卡',
    lead: '查看余量，随时续费，无需更换 eSIM。',
    card: '演示卡',
    language: 'Language',
    auto: '自动（按浏览器的语言）',
    renew: '续费',
    usage: '用量与自动续费',
    care: '续费记录与换机',
    reminders: '续费提醒',
    remindersLead: '本旅行社的服务器收到并验证了这些签名 Webhook，并为每条提醒生成了发给旅客的续费链接。',
    sandboxDate: '沙箱日期',
    jump: '快进 10 天',
    reset: '回到今天',
    none: '还没有收到提醒。快进时间试试。',
    open: '打开续费链接',
    expiring: '{n} 天内到期',
    dataLow: '流量已用 {n}%',
    expired: '已过期',
    footer: '演示页面 · 沙箱环境，不会产生真实扣款。测试卡号 4242 4242 4242 4242 支付成功，4000 0000 0000 0002 被拒绝。',
  },
  en: {
    title: 'My eSIM · GlobeTrot Travel',
    brand: 'GlobeTrot Travel',
    nav: ['Flights', 'Hotels', 'My eSIM'],
    heading: 'My eSIM data card',
    lead: 'Check your balance and renew any time — no new eSIM needed.',
    card: 'Demo card',
    language: '语言',
    auto: "Automatic (your browser's languages)",
    renew: 'Renew',
    usage: 'Usage and auto-renew',
    care: 'Renewals and new phone',
    reminders: 'Reminders',
    remindersLead: 'Signed webhooks this agency\'s server received and verified, each with the renewal link it would send the traveller.',
    sandboxDate: 'Sandbox date',
    jump: 'Jump ahead 10 days',
    reset: 'Back to today',
    none: 'No reminders yet. Try jumping ahead.',
    open: 'Open renewal link',
    expiring: 'Expires within {n} days',
    dataLow: '{n}% of data used',
    expired: 'Expired',
    footer:
      'Demo page · sandbox, no real charges. Test card 4242 4242 4242 4242 pays, 4000 0000 0000 0002 is declined.',
  },
} as const;

export interface DemoPageOptions {
  apiBase: string;
  /** None when the page was opened from a hand-off link. */
  token?: string;
  /** How card payments open: a popup, or a full-page redirect and back (`?pay=redirect`). */
  paymentMode: 'popup' | 'redirect';
  cards: DemoCard[];
  iccid: string;
  /** The widget's `locale`: one of the ten it ships, or `auto` (the traveller's browser decides). */
  locale: DemoLocale;
  /** The demo partner's sandbox time (it moves with "jump ahead"), and the reminders its server received. */
  sandboxNow?: string;
  reminders: Reminder[];
}

type Text = (typeof TEXT)[keyof typeof TEXT];

/** The widget's languages, each named in itself, as the page's language selector offers them. */
export const DEMO_LOCALES = {
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文（台灣）',
  'zh-HK': '繁體中文（香港）',
  en: 'English',
  ja: '日本語',
  ko: '한국어',
  th: 'ไทย',
  vi: 'Tiếng Việt',
  id: 'Bahasa Indonesia',
  ms: 'Bahasa Melayu',
} as const;

export type DemoLocale = keyof typeof DEMO_LOCALES | 'auto';

/**
 * The agency's own words (its header, headings, footer) are Simplified Chinese or English, as a real agency's page
 * would be in its own market's language; the widget speaks whichever language is chosen, or the browser's (`auto`).
 */
const pageLanguage = (locale: DemoLocale): keyof typeof TEXT => (locale === 'zh-CN' ? 'zh-CN' : 'en');

/** The language selector: `auto`, then each language in its own name (and marked as that language). */
function languageOptions(locale: DemoLocale, t: Text): string {
  const option = (value: string, label: string, lang?: string) =>
    `<option value="${value}"${lang ? ` lang="${lang}"` : ''}${value === locale ? ' selected' : ''}>${escape(label)}</option>`;
  return [option('auto', t.auto), ...Object.entries(DEMO_LOCALES).map(([tag, name]) => option(tag, name, tag))].join('');
}

/** One reminder in words; demo.js writes new ones the same way from the list's data attributes. */
function reminderText(r: Reminder, t: Text, locale: string): string {
  const what = { 'card.expiring': t.expiring, 'card.data_low': t.dataLow, 'card.expired': t.expired }[r.type];
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(r.createdAt));
  return `${date} · ${r.label} ••${r.iccid.slice(-4)} · ${what.replace('{n}', String(r.threshold))}`;
}

function remindersSection(o: DemoPageOptions, t: Text): string {
  const items = o.reminders
    .map((r) => `<li data-id="${escape(r.id)}"><span>${escape(reminderText(r, t, pageLanguage(o.locale)))}</span> <a href="${escape(r.link)}">${escape(t.open)}</a></li>`)
    .join('');
  const date = o.sandboxNow ? new Intl.DateTimeFormat(pageLanguage(o.locale), { dateStyle: 'long' }).format(new Date(o.sandboxNow)) : '';
  return `<section class="reminders" aria-labelledby="reminders-heading">
    <h2 id="reminders-heading">${escape(t.reminders)}</h2>
    <p class="lead">${escape(t.remindersLead)}</p>
    <form class="clock" method="post" action="/demo/clock">
      <input type="hidden" name="card" value="${escape(o.iccid)}"><input type="hidden" name="lang" value="${o.locale}">
      <span>${escape(t.sandboxDate)}: <time id="sandbox-date">${escape(date)}</time></span>
      <button type="submit" name="action" value="jump">${escape(t.jump)}</button>
      <button type="submit" name="action" value="reset">${escape(t.reset)}</button>
    </form>
    <ul id="reminders" aria-live="polite" data-lang="${pageLanguage(o.locale)}" data-open="${escape(t.open)}" data-expiring="${escape(t.expiring)}"
      data-data-low="${escape(t.dataLow)}" data-expired="${escape(t.expired)}">${items}</ul>
    <p id="no-reminders"${o.reminders.length ? ' hidden' : ''}>${escape(t.none)}</p>
  </section>`;
}

/** The page's HTML. Every value is escaped; no inline script or style (the page is served under a strict CSP). */
export function renderDemoPage(page: DemoPageOptions): string {
  const { apiBase, token, cards, iccid, locale, paymentMode } = page;
  const lang = pageLanguage(locale);
  const t = TEXT[lang];
  const options = cards
    .map(
      (card) =>
        `<option value="${escape(card.iccid)}"${card.iccid === iccid ? ' selected' : ''}>${escape(card.label)} · ${escape(card.status)} · ${escape(card.iccid.slice(-4))}</option>`,
    )
    .join('');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(t.title)}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/demo/demo.css">
<script src="/sdk/esim-renewal.js" defer></script>
<script src="/demo/demo.js" defer></script>
</head>
<body>
<esim-renewal id="renewal" api-base="${escape(apiBase)}"${token ? ` session-token="${escape(token)}"` : ''} locale="${locale}"
  support-url="https://example.com/support" support-email="help@example.com" data-card="${escape(iccid)}">
<header class="site">
  <a class="brand" href="/demo?lang=${locale}">${escape(t.brand)}</a>
  <nav>${t.nav.map((item, i) => `<a href="/demo?lang=${locale}"${i === 2 ? ' aria-current="page"' : ''}>${escape(item)}</a>`).join('')}</nav>
  <esim-balance-badge class="header-badge"></esim-balance-badge>
</header>
<main>
  <h1>${escape(t.heading)}</h1>
  <p class="lead">${escape(t.lead)}</p>
  <form class="switcher" method="get" action="/demo">
    <label>${escape(t.card)} <select name="card" id="card">${options}</select></label>
    <label>${escape(t.language)} <select name="lang" id="lang">${languageOptions(locale, t)}</select></label>
    <noscript><button type="submit">OK</button></noscript>
  </form>
  <section class="renew" aria-labelledby="renew-heading">
    <h2 id="renew-heading">${escape(t.renew)}</h2>
    <esim-plan-picker></esim-plan-picker>
    <esim-checkout-button payment-mode="${paymentMode}"></esim-checkout-button>
  </section>
  <section class="usage" aria-labelledby="usage-heading">
    <h2 id="usage-heading">${escape(t.usage)}</h2>
    <esim-usage-meter days="14"></esim-usage-meter>
    <esim-auto-renew-toggle></esim-auto-renew-toggle>
  </section>
  <section class="care" aria-labelledby="care-heading">
    <h2 id="care-heading">${escape(t.care)}</h2>
    <esim-order-history page-size="5"></esim-order-history>
    <esim-device-change></esim-device-change>
  </section>
  ${remindersSection(page, t)}
</main>
<footer><p>${escape(t.footer)}</p></footer>
</esim-renewal>
</body>
</html>`;
}
