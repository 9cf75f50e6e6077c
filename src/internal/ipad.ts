/**
 * An iPad: its own user agent (iPadOS 12 and earlier, some in-app browsers), or, from iPadOS 13 on, Safari's
 * desktop-class one — a Mac's (`Macintosh; Intel Mac OS X`) — on a touch screen (`navigator.maxTouchPoints` above 1),
 * which no Mac has. Shared by the checkout's payment environment and the one-tap eSIM installation link.
 */
export function isIPad(userAgent: string, maxTouchPoints = 0): boolean {
  return /iPad/.test(userAgent) || (/Macintosh/.test(userAgent) && maxTouchPoints > 1);
}
