// One-tap eSIM installation on the phone that shows the activation code: Apple's universal link for eSIM
// provisioning (iOS 17.4 and later opens the system's "Add eSIM" sheet with the code filled in). Android documents no
// such link for web pages — its installation API (EuiccManager) is for carrier apps — so Android phones get the QR
// code and the manual codes only.

import { isIPad } from '../../internal/ipad.js';

const APPLE_PROVISIONING = 'https://esimsetup.apple.com/esim_qrcode_provisioning';

/** What the link depends on: the browser's own values unless a test passes others. */
export interface InstallDevice {
  readonly userAgent: string;
  /** `navigator.maxTouchPoints`: an iPad's Safari says it is a Mac, but a Mac has no touch screen. */
  readonly maxTouchPoints?: number;
}

const thisDevice = (): InstallDevice => ({
  userAgent: globalThis.navigator?.userAgent ?? '',
  maxTouchPoints: globalThis.navigator?.maxTouchPoints ?? 0,
});

/**
 * The iOS or iPadOS version (`iPhone OS 17_4` → [17, 4]), or undefined off iOS. An iPad with iPadOS 13 or later
 * sends a Mac's user agent, whose `Mac OS X 10_15_7` is frozen: there Safari's `Version/17.4` is the system's.
 */
function iosVersion({ userAgent, maxTouchPoints = 0 }: InstallDevice): [number, number] | undefined {
  const match =
    /(?:iPhone|iPad|iPod)[^)]*? OS (\d+)_(\d+)/.exec(userAgent) ??
    (isIPad(userAgent, maxTouchPoints) ? /Version\/(\d+)\.(\d+)/.exec(userAgent) : null);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/**
 * The link that installs `lpa` on this phone or iPad, or undefined where there is none (not iOS 17.4+, or not an
 * `LPA:1$…` activation code). The link carries the API's activation code and nothing else.
 */
export function oneTapInstallLink(lpa: string, device: InstallDevice = thisDevice()): string | undefined {
  if (!lpa.startsWith('LPA:1$')) return undefined;
  const version = iosVersion(device);
  if (!version || version[0] < 17 || (version[0] === 17 && version[1] < 4)) return undefined;
  return `${APPLE_PROVISIONING}?carddata=${encodeURIComponent(lpa)}`;
}
