/**
 * Every console page, for the roles that open it, at 390 px and 1280 px: no horizontal
 * overflow, the accessibility checks, a screenshot kept under test/artifacts/browser/. An
 * auditor sees the pages but no form that changes anything.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumSkipReason, launchChromium } from './support/chromium.ts';
import { signInToConsole } from './support/console.ts';
import { accessibilityProblems, horizontalOverflow, screenshot, WIDTHS } from './support/page-checks.ts';
import { type Person, type RegistreServer, startRegistreServer } from './support/registre-server.ts';
import { ensureWebBuild } from './support/web-build.ts';

const skip = chromiumSkipReason();

interface ConsolePage {
  readonly path: string;
  readonly name: string;
  readonly heading: RegExp;
}

describe.skipIf(skip !== null)('console pages', () => {
  let server: RegistreServer;
  let browser: Browser;
  let dpo: Person;
  let admin: Person;
  let auditor: Person;
  let requestId: string;
  let breachId: string;

  beforeAll(async () => {
    await ensureWebBuild();
    [server, browser] = await Promise.all([startRegistreServer(), launchChromium()]);
    [dpo, auditor] = [
      await server.person('dpo', 'Dominique DPO'),
      await server.person('auditor', 'Auguste Auditeur'),
    ];
    admin = server.admin;
    const request = await server.api(
      'POST',
      '/v1/requests',
      {
        right: 'rectification',
        email: 'lea.petit@example.org',
        details: 'Mon nom est mal orthographié.',
        channel: 'postal',
        identityVerified: true,
      },
      dpo,
    );
    requestId = ((await request.json()) as { id: string }).id;
    const breach = await server.api(
      'POST',
      '/v1/breaches',
      {
        title: 'Ordinateur portable volé',
        awareAt: new Date(Date.now() - 30 * 3600_000).toISOString(),
        content: { nature: 'Vol d’un ordinateur portable non chiffré contenant des exports clients.' },
      },
      dpo,
    );
    breachId = ((await breach.json()) as { id: string }).id;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function visit(context: BrowserContext, who: Person, pages: readonly ConsolePage[], width: number) {
    const page = await context.newPage();
    await signInToConsole(page, server.url, who);
    for (const entry of pages) {
      await page.goto(`${server.url}${entry.path}`);
      await page.getByRole('heading', { level: 1, name: entry.heading }).waitFor();
      await page.waitForFunction(() => document.querySelector('.loading') === null);
      const { scrollWidth, innerWidth } = await horizontalOverflow(page);
      expect(scrollWidth, `${entry.path} at ${width}`).toBeLessThanOrEqual(innerWidth);
      expect(await accessibilityProblems(page), `${entry.path} at ${width}`).toEqual([]);
      await screenshot(page, `console-${entry.name}-${who.role}-${width}`);
    }
    return page;
  }

  it('fit 390 px and 1280 px for the DPO and the administrator', async () => {
    const dpoPages: ConsolePage[] = [
      { path: '/console', name: 'dashboard', heading: /Tableau de bord/ },
      { path: '/console/requests', name: 'requests', heading: /Demandes des personnes/ },
      { path: `/console/requests/${requestId}`, name: 'request', heading: /Droit de rectification/ },
      { path: '/console/breaches', name: 'breaches', heading: /Violations de données/ },
      { path: `/console/breaches/${breachId}`, name: 'breach', heading: /Ordinateur portable volé/ },
      { path: '/console/account', name: 'account', heading: /Mon compte/ },
    ];
    const adminPages: ConsolePage[] = [
      { path: '/console/users', name: 'users', heading: /Utilisateurs et habilitations/ },
    ];
    for (const viewport of Object.values(WIDTHS)) {
      const context = await browser.newContext({ viewport, locale: 'fr-FR' });
      context.setDefaultTimeout(10_000);
      await visit(context, dpo, dpoPages, viewport.width);
      await context.close();
      const adminContext = await browser.newContext({ viewport, locale: 'fr-FR' });
      adminContext.setDefaultTimeout(10_000);
      await visit(adminContext, admin, adminPages, viewport.width);
      await adminContext.close();
    }
  });

  it('show the breach clock and let an auditor read without any form', async () => {
    const context = await browser.newContext({ viewport: WIDTHS.desktop, locale: 'fr-FR' });
    context.setDefaultTimeout(10_000);
    const page = await visit(
      context,
      auditor,
      [{ path: `/console/breaches/${breachId}`, name: 'breach', heading: /Ordinateur portable volé/ }],
      1280,
    );
    // 30 hours after awareness: about 42 hours left on the clock.
    await expect
      .poll(() => page.getByText(/4[12] heures restantes/).count(), { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(await page.locator('main form').count()).toBe(0);
    await page.goto(`${server.url}/console/requests/${requestId}`);
    await page.getByText('Votre rôle permet de consulter cette demande, pas de la traiter.').waitFor();
    expect(await page.locator('main form').count()).toBe(0);
    await context.close();
  });
});
