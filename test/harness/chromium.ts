// One place knows where Chromium is and how to start it: scripts/chromium.mjs (shared with web-test-runner, the
// bench and screenshots).
export { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs';
