// One place knows where Chromium is: scripts/chromium.mjs (shared with web-test-runner, the bench and screenshots).
export { chromiumPath } from '../../scripts/chromium.mjs';
