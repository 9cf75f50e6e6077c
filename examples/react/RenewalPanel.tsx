import { useState } from 'react';
import type { Plan } from '@esim-renewal/widgets';
import { BalanceBadge, CheckoutButton, PlanPicker, RenewalProvider } from '@esim-renewal/widgets/react';

export interface RenewalPanelProps {
  /** The Renewal API, e.g. https://renew.example.com. */
  apiBase: string;
  /** Minted by your server for this traveller's card (never your secret key). */
  sessionToken: string;
  /** Asks your server for a fresh token when the session expires mid-checkout. */
  getSessionToken?: () => Promise<string>;
  locale?: 'en' | 'zh-CN';
}

/** A "My eSIM" panel in a React app: typed props in, typed events out. */
export function RenewalPanel({ apiBase, sessionToken, getSessionToken, locale: initialLocale = 'en' }: RenewalPanelProps) {
  const [locale, setLocale] = useState(initialLocale);
  const [plan, setPlan] = useState<Plan>();
  const [status, setStatus] = useState('');

  return (
    <section>
      <button type="button" onClick={() => setLocale(locale === 'en' ? 'zh-CN' : 'en')}>
        {locale === 'en' ? '中文' : 'English'}
      </button>
      <RenewalProvider apiBase={apiBase} sessionToken={sessionToken} getSessionToken={getSessionToken} locale={locale}>
        <BalanceBadge warnDays={7} />
        {/* event.detail is typed: { plan: Plan } */}
        <PlanPicker onPlanChange={(event) => setPlan(event.detail.plan)} />
        <CheckoutButton
          paymentMethods="alipay wechat_pay card"
          onRenewalSuccess={(event) => setStatus(`Renewed until ${event.detail.card.expiresAt.slice(0, 10)}`)}
          onRenewalError={(event) => setStatus(`Failed: ${event.detail.error.code}`)}
        />
      </RenewalProvider>
      <p data-testid="selected-plan">{plan ? `Selected: ${plan.name}` : 'No plan selected'}</p>
      <p data-testid="status" role="status">
        {status}
      </p>
    </section>
  );
}
