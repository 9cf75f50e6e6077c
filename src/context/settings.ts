import { createContext } from '@lit/context';
import { isExplicitLocale, resolveLocale } from '../i18n/resolve.js';
import type { PaymentEnv } from '../client/schemas.js';

/** Where the partner's travellers get help; shown on error and success views. */
export interface SupportContact {
  /** A help page; the masked card number and order id are added as `esim_card` and `esim_order`. */
  readonly url?: string;
  /** An e-mail address; the subject and body are prefilled. */
  readonly email?: string;
  /** A phone number. */
  readonly phone?: string;
  /** A chat link; gets the same parameters as `url`. */
  readonly chat?: string;
}

/**
 * What `<esim-renewal>` tells the elements inside it, apart from the data: one immutable object, replaced (never
 * changed) when one of the provider's attributes changes, so every element reading it renders again.
 */
export interface RenewalSettings {
  /**
   * The language the elements speak, resolved to one we have messages for (the provider's `locale`, or what its
   * `auto` negotiated); undefined leaves each element to its own `locale`, then `auto`.
   */
  readonly locale?: string;
  /** Where travellers get help. */
  readonly support: SupportContact;
  /** Where a traveller whose card cannot be renewed buys a new eSIM. */
  readonly buyUrl?: string;
  /** Days before expiry when the badge's warning (and `esim-expiry-warning`) starts. */
  readonly warnDays: number;
  /**
   * Where the page runs, as the partner says (an app embedding the widget in its own web view); undefined lets the
   * checkout detect it (and a client made with a `paymentEnv` option still wins over detection).
   */
  readonly paymentEnv?: PaymentEnv;
}

/** The settings of an element with no provider around it. */
export const DEFAULT_SETTINGS: RenewalSettings = Object.freeze({ support: Object.freeze({}), warnDays: 14 });

/** The provider's settings, for the elements inside it; a Symbol keeps the key private to us, as `renewalContext`'s. */
export const settingsContext = createContext<RenewalSettings | undefined>(Symbol('esim-renewal-settings'));

/**
 * The attributes with which the provider (`<esim-renewal>`) and some elements (`<esim-checkout-button>`,
 * `<esim-renewal-flow>`) set the settings for themselves.
 */
export interface OwnSettings {
  locale?: string;
  warnDays?: number;
  buyUrl?: string;
  supportUrl?: string;
  supportEmail?: string;
  supportPhone?: string;
  supportChat?: string;
  paymentEnv?: PaymentEnv;
}

/**
 * The one place the settings are resolved: each of an element's own attributes wins over what it inherits (the
 * provider's settings, or the defaults); a `locale` of `auto` inherits.
 */
export function settingsWith(inherited: RenewalSettings, own: OwnSettings): RenewalSettings {
  const { support } = inherited;
  return Object.freeze({
    locale: isExplicitLocale(own.locale) ? resolveLocale(own.locale) : inherited.locale,
    warnDays: own.warnDays ?? inherited.warnDays,
    buyUrl: own.buyUrl ?? inherited.buyUrl,
    paymentEnv: own.paymentEnv ?? inherited.paymentEnv,
    support: Object.freeze({
      url: own.supportUrl ?? support.url,
      email: own.supportEmail ?? support.email,
      phone: own.supportPhone ?? support.phone,
      chat: own.supportChat ?? support.chat,
    }),
  });
}
