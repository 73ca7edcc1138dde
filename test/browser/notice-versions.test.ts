/**
 * Journey: the organisation publishes a new version of its policy (the server restarted on the
 * new file, the DPO publishing it); a visitor reads the notice in force, the list of versions,
 * the earlier version, and what changed between the two — the important changes first.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumSkipReason, launchChromium } from './support/chromium.ts';
import { accessibilityProblems, horizontalOverflow, screenshot, WIDTHS } from './support/page-checks.ts';
import { type RegistreServer, startRegistreServer } from './support/registre-server.ts';
import { ensureWebBuild } from './support/web-build.ts';

const skip = chromiumSkipReason();
const DEMO_POLICY = 'examples/demo/policy.yaml';

describe.skipIf(skip !== null)('notice versions and what changed', () => {
  let first: RegistreServer;
  let server: RegistreServer;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebBuild();
    const original = readFileSync(DEMO_POLICY, 'utf8');
    [first, browser] = await Promise.all([startRegistreServer({ keepDir: true }), launchChromium()]);
    await first.close();
    // Version 2: a new version label, and archived contact details kept five years instead of three.
    const changed = original
      .replace('version: "2025.1"', 'version: "2025.2"')
      .replace('date: "2025-01-15"', 'date: "2025-06-01"')
      .replace(/(archive:\n\s+duration: )P3Y(\n\s+reason: proof-of-contract)/, '$1P5Y$2');
    expect(changed).toContain('P5Y');
    const policy = join(first.dir, 'policy.yaml');
    writeFileSync(policy, changed);
    server = await startRegistreServer({ dir: first.dir, admin: first.admin, policy });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (first !== undefined) rmSync(first.dir, { recursive: true, force: true });
  });

  it('lists both versions, shows the earlier one and the changes between them', async () => {
    const context = await browser.newContext({ viewport: WIDTHS.phone, locale: 'fr-FR' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await page.goto(`${server.url}/notice`);
    await page.getByText(/Version 2 publiée le/).waitFor();
    await page.getByRole('link', { name: 'Versions précédentes et changements' }).click();
    await page.getByRole('heading', { level: 1, name: 'Versions de la politique' }).waitFor();
    const rows = page.getByRole('table', { name: 'Versions publiées' }).getByRole('row');
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(3);
    await expect(rows.nth(1).textContent()).resolves.toContain('2025.2');
    await expect(rows.nth(2).textContent()).resolves.toContain('2025.1');

    await page.getByRole('link', { name: 'Lire la version 1' }).click();
    await page.getByText(/Version 1 publiée le/).waitFor();
    await page.goBack();

    await page.getByLabel('Ancienne version').selectOption('1');
    await page.getByLabel('Nouvelle version').selectOption('2');
    await page.getByRole('button', { name: 'Voir les changements' }).click();
    await page.getByRole('heading', { level: 1, name: 'Changements entre les versions 1 et 2' }).waitFor();
    const changes = page.locator('.diff-list li');
    await changes.first().waitFor();
    const texts = await changes.allTextContents();
    expect(texts.some((text) => /5 ans|cinq ans|P5Y/.test(text))).toBe(true);
    // Important changes come first.
    const badges = await page.locator('.diff-list li .badge').allTextContents();
    expect(badges).toEqual([...badges].sort((a, b) => (a === b ? 0 : a === 'important' ? -1 : 1)));
    const { scrollWidth, innerWidth } = await horizontalOverflow(page);
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'center-notice-diff-390');
    await context.close();
  });
});
