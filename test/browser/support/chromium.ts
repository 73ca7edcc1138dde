/**
 * Debian's Chromium driven by playwright-core. The browser tests run whenever /usr/bin/chromium
 * exists; without it they are skipped with a printed reason — except under CI (`CI=true`), where
 * its absence is a failure (as for the database servers in test/support/targets.ts).
 *
 * `chromium.launch()` gives every browser a fresh, temporary user-data dir (removed on close):
 * no profile, cookie or cache survives from one run to the next.
 */
import { accessSync, constants } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';
import { IN_CI } from '../../support/targets.ts';

export const CHROMIUM_PATH = process.env.REGISTRE_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
] as const;

/**
 * Null when Chromium can be used, else why the browser tests are skipped (printed on stderr).
 * Under CI a missing browser throws instead.
 */
export function chromiumSkipReason(): string | null {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
    return null;
  } catch {
    const reason = `no executable Chromium at ${CHROMIUM_PATH} (install it: apt-get install chromium)`;
    if (IN_CI) throw new Error(`CI=true but ${reason}`);
    process.stderr.write(`[registre tests] skipping browser tests: ${reason}\n`);
    return reason;
  }
}

/** A headless Chromium with a fresh profile. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
    headless: true,
    timeout: 30_000,
  });
}
