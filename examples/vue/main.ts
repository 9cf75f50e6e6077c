import { createApp } from 'vue';
import RenewalPanel from './RenewalPanel.vue';

// Your server renders <div id="app" data-api-base="…" data-session-token="…"> into the page.
const mount = document.getElementById('app')!;
const { apiBase = '', sessionToken = '', locale } = mount.dataset;

createApp(RenewalPanel, { apiBase, sessionToken, locale: locale === 'zh-CN' ? 'zh-CN' : 'en' }).mount(mount);
