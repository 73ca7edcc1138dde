/**
 * The retention journey on the demo database: a DPO sees on the dashboard the rows awaiting a
 * sweep (the API's plan figure), opens the retention page, runs the sweep with the keyboard
 * through its confirmation, sees its progress reach completion, and finds a lower count back on
 * the dashboard — the figure the API's plan gives after the sweep. The page fits 390 px and
 * 1280 px, passes the accessibility checks, and an auditor reads it without any button to run.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TRetentionPlanView } from '../../src/retention/types.ts';
import { chromiumSkipReason, launchChromium } from './support/chromium.ts';
import { signInToConsole } from './support/console.ts';
import { accessibilityProblems, horizontalOverflow, screenshot, WIDTHS } from './support/page-checks.ts';
import { type Person, type RegistreServer, startRegistreServer } from './support/registre-server.ts';
import { ensureWebBuild } from './support/web-build.ts';

const skip = chromiumSkipReason();

describe.skipIf(skip !== null)('retention in the console', () => {
  let server: RegistreServer;
  let browser: Browser;
  let dpo: Person;
  let auditor: Person;

  beforeAll(async () => {
    await ensureWebBuild();
    [server, browser] = await Promise.all([startRegistreServer(), launchChromium()]);
    dpo = await server.person('dpo', 'Dominique DPO');
    auditor = await server.person('auditor', 'Auguste Auditeur');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function apiPlan(): Promise<TRetentionPlanView> {
    const response = await server.api('GET', '/v1/retention/plan', undefined, dpo);
    expect(response.status).toBe(200);
    return (await response.json()) as TRetentionPlanView;
  }

  async function checked(page: Page, name: string, width: number) {
    await page.waitForFunction(() => document.querySelector('.loading') === null);
    const { scrollWidth, innerWidth } = await horizontalOverflow(page);
    expect(scrollWidth, `${name} at ${width}`).toBeLessThanOrEqual(innerWidth);
    expect(await accessibilityProblems(page), `${name} at ${width}`).toEqual([]);
    await screenshot(page, `console-${name}-${width}`);
  }

  async function dashboardDue(page: Page): Promise<number> {
    const stat = page.getByTestId('retention-awaiting');
    await stat.waitFor();
    return Number(await stat.getAttribute('data-due'));
  }

  it('runs a sweep from the retention page, and the dashboard count drops', async () => {
    const before = await apiPlan();
    expect(before.totals.due).toBeGreaterThan(0);

    const context = await browser.newContext({ viewport: WIDTHS.desktop, locale: 'fr-FR' });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await signInToConsole(page, server.url, dpo);
    await page.getByRole('heading', { level: 1, name: /Tableau de bord/ }).waitFor();
    expect(await dashboardDue(page)).toBe(before.totals.due);
    // The chart: one bar per activity with rows due, its figure as text.
    const chart = page.getByRole('figure', { name: 'Lignes à purger, par activité' });
    const withRows = before.activities.filter((a) => a.due > 0);
    expect(await chart.getByRole('listitem').count()).toBe(withRows.length);
    for (const activity of withRows) {
      await chart.getByRole('listitem').filter({ hasText: activity.name.fr }).waitFor();
    }
    await checked(page, 'dashboard-retention-before', 1280);

    await page.getByRole('link', { name: 'Voir le plan et lancer une purge' }).click();
    await page.getByRole('heading', { level: 1, name: 'Conservation des données' }).waitFor();
    expect(Number(await page.getByTestId('retention-due').getAttribute('data-due'))).toBe(before.totals.due);
    // Every activity with rows due has its table.
    for (const activity of before.activities.filter((a) => a.due > 0)) {
      await page.getByRole('heading', { level: 3, name: activity.name.fr }).waitFor();
    }
    await checked(page, 'retention-before', 1280);

    // Run it with the keyboard: the button, then the confirmation (focus moves to it).
    await page.getByRole('button', { name: 'Lancer la purge' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('sweep-confirm');
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Confirmer et lancer');
    await page.keyboard.press('Enter');

    const panel = page.locator('[data-testid="sweep-run"][data-status="completed"]');
    await panel.waitFor({ timeout: 60_000 });
    const overall = panel.getByRole('progressbar').first();
    expect(await overall.getAttribute('aria-valuemax')).toBe(String(before.totals.due));
    expect(await overall.getAttribute('aria-valuenow')).toBe(String(before.totals.due));
    // The steps' bars, folded once the run is over: one per step with rows, each complete.
    await panel.getByText(/Détail par étape/).click();
    const steps = before.activities
      .flatMap((a) => a.steps)
      .filter((s) => s.effect !== 'keep' && s.rows.due > 0);
    const bars = await panel.getByRole('progressbar').all();
    expect(bars.length).toBe(steps.length + 1);
    for (const bar of bars) {
      expect(await bar.getAttribute('aria-valuenow')).toBe(await bar.getAttribute('aria-valuemax'));
    }
    await panel.getByTestId('sweep-result').waitFor();
    await checked(page, 'retention-after', 1280);

    const after = await apiPlan();
    expect(after.totals.due).toBeLessThan(before.totals.due);
    await page
      .getByRole('navigation', { name: 'Console' })
      .getByRole('link', { name: 'Tableau de bord' })
      .click();
    await page.getByRole('heading', { level: 1, name: /Tableau de bord/ }).waitFor();
    const shown = await dashboardDue(page);
    expect(shown).toBe(after.totals.due);
    expect(shown).toBeLessThan(before.totals.due);
    await context.close();

    const runs = await server.api('GET', '/v1/retention/sweeps', undefined, dpo);
    const [last] = (await runs.json()) as { mode: string; status: string; rows: { done: number } }[];
    expect(last).toMatchObject({ mode: 'execute', status: 'completed', rows: { done: before.totals.due } });
  });

  it('fits 390 px, and lets an auditor read without running', async () => {
    const phone = await browser.newContext({ viewport: WIDTHS.phone, locale: 'fr-FR' });
    phone.setDefaultTimeout(15_000);
    const page = await phone.newPage();
    await signInToConsole(page, server.url, dpo, '/console/retention');
    await page.getByRole('heading', { level: 1, name: 'Conservation des données' }).waitFor();
    await checked(page, 'retention-dpo', 390);
    await phone.close();

    const desk = await browser.newContext({ viewport: WIDTHS.desktop, locale: 'fr-FR' });
    desk.setDefaultTimeout(15_000);
    const reader = await desk.newPage();
    await signInToConsole(reader, server.url, auditor, '/console/retention');
    await reader.getByRole('heading', { level: 1, name: 'Conservation des données' }).waitFor();
    await reader
      .getByText('Votre rôle permet de consulter le plan et les purges, pas d’en lancer.')
      .waitFor();
    expect(await reader.getByRole('button', { name: 'Lancer la purge' }).count()).toBe(0);
    await checked(reader, 'retention-auditor', 1280);
    await desk.close();
  });
});
