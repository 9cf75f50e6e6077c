// Where Chromium is, for everything that drives one (web-test-runner, playwright-core tests, the bench, screenshots):
// CHROME_PATH, else Debian's (TOOLCHAIN.md), else another Chromium-family browser found on this machine.
import { existsSync } from 'node:fs';

const CANDIDATES = [
  process.env.CHROME_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** @returns {string} the browser's executable; throws with the install hint when there is none. */
export function chromiumPath() {
  const found = CANDIDATES.find((path) => path && existsSync(path));
  if (!found) throw new Error('No Chromium found: install it (Debian: apt-get install -y chromium) or set CHROME_PATH.');
  return found;
}
