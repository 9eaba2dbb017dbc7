// Headless Chromium from Debian (`apt-get install -y chromium`) driven by playwright-core: no
// browser download, and no network of the browser's own (updates, sync, QUIC, background
// requests). Each launch gets a fresh temporary profile: playwright-core's launch() creates
// one and deletes it on close (it refuses a --user-data-dir argument).
import { chromium, type Browser } from 'playwright-core';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}
