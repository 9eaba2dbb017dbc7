// A real browser for page tests: Debian's chromium (`apt-get install -y chromium`; .ci/run
// installs it) driven by playwright-core, which downloads no browser of its own. Headless, with
// Chromium's own calls home (updates, sync, field trials, QUIC probes) switched off, so a test
// sees only the requests its page makes. Every launch gets a fresh profile: playwright's
// `launch()` creates a temporary user-data-dir and removes it on close (it refuses a
// --user-data-dir argument; a kept profile is `launchPersistentContext`'s job).
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // /dev/shm is small in containers; Chromium falls back to /tmp instead of crashing tabs
  '--disable-dev-shm-usage',
];

/** Launches headless Chromium (close it with `browser.close()`). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS }).catch((e: Error) => {
    throw new Error(`cannot start ${CHROMIUM} (apt-get install -y chromium): ${e.message}`);
  });
}
