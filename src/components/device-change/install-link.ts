// One-tap eSIM installation on the phone that shows the activation code: Apple's universal link for eSIM
// provisioning (iOS 17.4 and later opens the system's "Add eSIM" sheet with the code filled in). Android documents no
// such link for web pages — its installation API (EuiccManager) is for carrier apps — so Android phones get the QR
// code and the manual codes only.

const APPLE_PROVISIONING = 'https://esimsetup.apple.com/esim_qrcode_provisioning';

/** The iOS version in a user agent (`iPhone OS 17_4` → [17, 4]), or undefined off iOS. */
function iosVersion(userAgent: string): [number, number] | undefined {
  const match = /(?:iPhone|iPad|iPod)[^)]*? OS (\d+)_(\d+)/.exec(userAgent);
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/**
 * The link that installs `lpa` on this phone, or undefined where there is none (not iOS 17.4+, or not an
 * `LPA:1$…` activation code). The link carries the API's activation code and nothing else.
 */
export function oneTapInstallLink(lpa: string, userAgent = globalThis.navigator?.userAgent ?? ''): string | undefined {
  if (!lpa.startsWith('LPA:1$')) return undefined;
  const version = iosVersion(userAgent);
  if (!version || version[0] < 17 || (version[0] === 17 && version[1] < 4)) return undefined;
  return `${APPLE_PROVISIONING}?carddata=${encodeURIComponent(lpa)}`;
}
