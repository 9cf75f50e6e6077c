import type { PartnerCard } from '../src/client/schemas.ts';

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
    renew: '续费',
    usage: '用量与自动续费',
    care: '续费记录与换机',
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
    renew: 'Renew',
    usage: 'Usage and auto-renew',
    care: 'Renewals and new phone',
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
  locale: 'zh-CN' | 'en';
}

/** The page's HTML. Every value is escaped; no inline script or style (the page is served under a strict CSP). */
export function renderDemoPage({ apiBase, token, cards, iccid, locale, paymentMode }: DemoPageOptions): string {
  const t = TEXT[locale];
  const other = locale === 'en' ? 'zh-CN' : 'en';
  const options = cards
    .map(
      (card) =>
        `<option value="${escape(card.iccid)}"${card.iccid === iccid ? ' selected' : ''}>${escape(card.label)} · ${escape(card.status)} · ${escape(card.iccid.slice(-4))}</option>`,
    )
    .join('');
  return `<!doctype html>
<html lang="${locale}">
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
    <label>${escape(t.language)} <select name="lang" id="lang">
      <option value="${locale}" selected>${locale === 'en' ? 'English' : '简体中文'}</option>
      <option value="${other}">${other === 'en' ? 'English' : '简体中文'}</option>
    </select></label>
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
</main>
<footer><p>${escape(t.footer)}</p></footer>
</esim-renewal>
</body>
</html>`;
}
