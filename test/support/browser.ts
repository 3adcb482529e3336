/**
 * Debian's chromium for the browser tests (playwright-core drives it; nothing is downloaded).
 * Without it a test skips loudly, unless STRANGLER_REQUIRE_BROWSER=1 (set by .ci/run) makes the
 * missing browser a failure.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';
export const hasBrowser = existsSync(CHROMIUM);
const required = process.env.STRANGLER_REQUIRE_BROWSER === '1';

/** Warns (no chromium, not required) or fails (no chromium, required); else does nothing. */
export function requireBrowser(what: string): void {
  if (!hasBrowser && !required) {
    console.warn(
      `\n${'!'.repeat(78)}\n!! SKIPPING the ${what} browser test: ${CHROMIUM} is missing.\n` +
        `!! Install it with \`apt-get install -y chromium\` (.ci/run does, and sets STRANGLER_REQUIRE_BROWSER=1).\n${'!'.repeat(78)}\n`,
    );
  }
  describe(`${what} without chromium`, () => {
    it.runIf(required && !hasBrowser)('fails because STRANGLER_REQUIRE_BROWSER=1 demands a browser', () => {
      expect.fail(
        `${CHROMIUM} is missing but STRANGLER_REQUIRE_BROWSER=1: install chromium (apt-get install -y chromium).`,
      );
    });
  });
}

/** Headless, no network chatter of its own: only the page's requests reach the wire. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
