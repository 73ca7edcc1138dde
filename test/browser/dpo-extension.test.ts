/**
 * Journey: a DPO signs in, sees a request's deadline with the days left, and extends it by two
 * months with a reason — which is e-mailed to the person. Then the DPO switches the console to
 * English: the `lang` attribute and the texts follow.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumSkipReason, launchChromium } from './support/chromium.ts';
import { signInToConsole } from './support/console.ts';
import { waitForMail } from './support/outbox.ts';
import { accessibilityProblems, screenshot, WIDTHS } from './support/page-checks.ts';
import { type Person, type RegistreServer, startRegistreServer } from './support/registre-server.ts';
import { ensureWebBuild } from './support/web-build.ts';

const skip = chromiumSkipReason();
const SUBJECT = 'jeanne.martin@example.org';
const REASON = 'Votre demande porte sur dix ans d’archives réparties dans plusieurs systèmes.';

describe.skipIf(skip !== null)('DPO extends a deadline', () => {
  let server: RegistreServer;
  let browser: Browser;
  let dpo: Person;
  let requestId: string;

  beforeAll(async () => {
    await ensureWebBuild();
    [server, browser] = await Promise.all([startRegistreServer(), launchChromium()]);
    dpo = await server.person('dpo', 'Dominique DPO');
    const agent = await server.person('agent');
    const created = await server.api(
      'POST',
      '/v1/requests',
      { right: 'erasure', email: SUBJECT, channel: 'email', identityVerified: true, language: 'fr' },
      agent,
    );
    expect(created.status).toBe(201);
    requestId = ((await created.json()) as { id: string }).id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows the days left, extends with a reason, and the person is told why', async () => {
    const context = await browser.newContext({ viewport: WIDTHS.desktop, locale: 'fr-FR' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await signInToConsole(page, server.url, dpo);
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
    await expect
      .poll(() => page.getByTestId('open-requests').textContent(), { timeout: 10_000 })
      .toBe('1 demande ouverte');
    const chart = page.getByRole('img', { name: /Demandes ouvertes par échéance/ });
    expect(await chart.getAttribute('aria-labelledby')).toBeTruthy();
    const urgent = page.getByRole('listitem').filter({ hasText: 'Droit à l’effacement' });
    const dueBefore = (await urgent.textContent()) ?? '';
    expect(dueBefore).toMatch(/\d+ jours restants/);
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'console-dashboard-1280');
    await urgent.getByRole('link').click();

    await page.getByRole('heading', { level: 2, name: 'La demande', exact: true }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await page.getByLabel('Raison de la prolongation').fill(REASON);
    await page.getByRole('button', { name: 'Prolonger', exact: true }).click();
    await page.getByText(/Délai prolongé jusqu’au/).waitFor();
    await expect
      .poll(() => page.getByText('Délai prolongé', { exact: true }).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await page.getByText(REASON).first().waitFor();
    await screenshot(page, 'console-request-extended-1280');

    const detail = (await (await server.api('GET', `/v1/requests/${requestId}`, undefined, dpo)).json()) as {
      state: string;
      dueOn: string;
      extendedDueOn: string | null;
      daysLeft: number;
    };
    expect(detail.state).toBe('extended');
    expect(detail.extendedDueOn).not.toBeNull();
    expect(detail.extendedDueOn! > detail.dueOn).toBe(true);
    const mail = await waitForMail(server.outboxDir, SUBJECT, /prolong|extend/i);
    expect(mail.text).toContain(REASON);

    // The inbox shows the new deadline and days left.
    await page.getByRole('link', { name: 'Demandes des personnes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Demandes des personnes' }).waitFor();
    const extendedRow = page
      .getByRole('row')
      .filter({ has: page.locator(`a[href="/console/requests/${requestId}"]`) });
    await extendedRow.filter({ hasText: 'Délai prolongé' }).waitFor();
    expect(await extendedRow.getByRole('cell').nth(3).textContent()).toContain(
      `${detail.daysLeft} jours restants`,
    );

    // English, on the spot.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Data-subject requests' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await extendedRow.getByRole('cell').nth(3).textContent()).toContain(
      `${detail.daysLeft} days left`,
    );
    await context.close();
  });
});
