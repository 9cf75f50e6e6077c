import { existsSync } from 'node:fs';

/** Debian's Chromium (TOOLCHAIN.md), or CHROME_PATH, or another Chromium-family browser on this machine. */
export function chromiumPath(): string {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  ];
  const found = candidates.find((path) => path && existsSync(path));
  if (!found) throw new Error('No Chromium found: install it (Debian: apt-get install -y chromium) or set CHROME_PATH.');
  return found;
}
