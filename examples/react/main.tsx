import { createRoot } from 'react-dom/client';
import { RenewalPanel } from './RenewalPanel';

// Your server renders <div id="app" data-api-base="…" data-session-token="…"> into the page.
const mount = document.getElementById('app')!;
const { apiBase = '', sessionToken = '', locale } = mount.dataset;

createRoot(mount).render(
  <RenewalPanel
    apiBase={apiBase}
    sessionToken={sessionToken}
    locale={locale === 'zh-CN' ? 'zh-CN' : 'en'}
    getSessionToken={async () => (await (await fetch('/api/esim-session', { method: 'POST' })).json()).token}
  />,
);
