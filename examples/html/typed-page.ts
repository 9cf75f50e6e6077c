/// <reference types="@esim-renewal/widgets/script-tag" />
// For a page that loads the script-tag file (as index.html does) and has some TypeScript of its own: the
// `EsimRenewal` global and every element are typed by one reference, with no import of the package.
const renewal = document.querySelector('esim-renewal');
renewal?.addEventListener('esim-renewal-error', (event) => console.warn('renewal failed:', event.detail.error.code));
renewal?.addEventListener('esim-plan-change', (event) => console.info('plan:', event.detail.plan.name));
// Our events bubble out of shadow roots, so a page may listen once on `document`: typed there too.
document.addEventListener('esim-renewal-success', (event) => console.info('renewed until', event.detail.card.expiresAt));

const client = EsimRenewal.createRenewalClient({
  baseUrl: 'https://renew.example.com',
  sessionToken: 'rs_minted_by_your_server',
});
try {
  const card = await client.getCard();
  console.info(`EsimRenewal ${EsimRenewal.version}: card ${card.iccid} is ${card.status}`);
} catch (error) {
  if (EsimRenewal.isRenewalError(error)) console.warn(error.code, error.requestId);
}

export {};
