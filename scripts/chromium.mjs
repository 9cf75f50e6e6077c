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

/**
 * The flags every launch here uses: root needs `--no-sandbox`; the rest keep Chromium off the (closed) network and
 * away from the GPU and /dev/shm of a container.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
];
