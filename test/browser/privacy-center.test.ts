/**
 * Journey through the public privacy center: the cookie banner loads nothing before the choice
 * and offers refusing exactly like accepting; the choice lands in the consent ledger; the rights
 * form shows the limits the policy states; post-mortem directives reach the DPO; every page fits
 * 390 px and 1280 px without horizontal scrolling and passes the accessibility checks.
 */
import type { Browser, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumSkipReason, launchChromium } from './support/chromium.ts';
import { waitForMail } from './support/outbox.ts';
import { accessibilityProblems, horizontalOverflow, screenshot, WIDTHS } from './support/page-checks.ts';
import { type RegistreServer, startRegistreServer } from './support/registre-server.ts';
import { ensureWebBuild } from './support/web-build.ts';

const skip = chromiumSkipReason();

const PAGES = [
  { path: '/', name: 'home', heading: /Vos données personnelles chez Facturo/ },
  { path: '/notice', name: 'notice', heading: /Politique de protection des données personnelles de Facturo/ },
  { path: '/notice/versions', name: 'notice-versions', heading: /Versions de la politique/ },
  { path: '/rights', name: 'rights', heading: /Exercer mes droits/ },
  { path: '/rights/status', name: 'track', heading: /Suivre ma demande/ },
  { path: '/preferences', name: 'preferences', heading: /Cookies et préférences/ },
  { path: '/directives', name: 'directives', heading: /Directives post-mortem/ },
] as const;

describe.skipIf(skip !== null)('public privacy center', () => {
  let server: RegistreServer;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebBuild();
    [server, browser] = await Promise.all([startRegistreServer(), launchChromium()]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('loads nothing before the cookie choice, and refusing is as easy as accepting', async () => {
    const context = await browser.newContext({ viewport: WIDTHS.desktop, locale: 'fr-FR' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const requests: Request[] = [];
    page.on('request', (request) => requests.push(request));
    await page.goto(server.url);
    const banner = page.getByRole('region', { name: 'Cookies' });
    await banner.waitFor();
    await page.getByRole('heading', { level: 1 }).waitFor();

    // Nothing from elsewhere, no cookie, no consent call before the choice.
    const origin = new URL(server.url).origin;
    expect(requests.map((r) => new URL(r.url()).origin).filter((o) => o !== origin && o !== 'data:')).toEqual(
      [],
    );
    expect(
      requests
        .map((r) => new URL(r.url()).pathname)
        .filter((p) => p.includes('consent') || p.includes('preferences')),
    ).toEqual([]);
    expect(await context.cookies()).toEqual([]);
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((key) => key !== 'registre.lang')),
    ).toEqual([]);

    // Same kind of button, same size, same weight.
    const refuse = banner.getByRole('button', { name: 'Tout refuser' });
    const accept = banner.getByRole('button', { name: 'Tout accepter' });
    const [refuseBox, acceptBox] = await Promise.all([refuse.boundingBox(), accept.boundingBox()]);
    expect(refuseBox?.width).toBe(acceptBox?.width);
    expect(refuseBox?.height).toBe(acceptBox?.height);
    const style = (locator: typeof refuse) =>
      locator.evaluate((el) => {
        const s = getComputedStyle(el);
        return [s.fontSize, s.fontWeight, s.backgroundColor, s.color, el.className].join('|');
      });
    expect(await style(refuse)).toBe(await style(accept));
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'center-banner-1280');

    await refuse.click();
    await banner.waitFor({ state: 'detached' });
    expect((await context.cookies()).map((cookie) => cookie.name)).toEqual(['registre_subject']);

    // The refusal is in the ledger, shown on the preferences page; withdrawing is one click too.
    await page.getByRole('link', { name: 'Cookies et préférences' }).first().click();
    const audience = page
      .getByRole('table', { name: 'Cookies' })
      .getByRole('row')
      .filter({ hasText: 'Mesure d' });
    await audience.getByText('refusé').waitFor();
    await audience.getByRole('button', { name: /^Accepter/ }).click();
    await audience.getByText('accepté').waitFor();
    await audience.getByRole('button', { name: /^Retirer mon consentement/ }).click();
    await audience.getByText('retiré').waitFor();

    // Reloading the home page: the choice is remembered, the banner stays away.
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.getByRole('region', { name: 'Cookies' }).count()).toBe(0);
    await context.close();
  });

  it('offers each right with the limits the policy states, and sends post-mortem directives to the DPO', async () => {
    const context = await browser.newContext({ viewport: WIDTHS.phone, locale: 'fr-FR' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await page.goto(`${server.url}/rights`);
    const portability = page.getByRole('radio', { name: /portabilité/ });
    await portability.waitFor();
    const limits = await portability.getAttribute('aria-describedby');
    expect(await page.locator(`[id="${limits}"]`).textContent()).toMatch(/^Limite : ./);
    expect(await page.getByRole('radio').count()).toBe(7);

    await page.goto(`${server.url}/directives`);
    await page.getByLabel('Votre adresse e-mail').fill('paul.henry@example.org');
    await page.getByLabel('Vos nom et prénom').fill('Paul Henry');
    await page.getByRole('radio', { name: /communiquées à la personne que je désigne/ }).check();
    await page.getByLabel('Nom de la personne désignée').fill('Claire Henry');
    await page.getByLabel('Adresse e-mail de la personne désignée').fill('claire.henry@example.org');
    await page.getByRole('button', { name: 'Enregistrer mes directives' }).click();
    await page.getByText(/Vos directives ont été transmises/).waitFor();
    const record = await waitForMail(server.outboxDir, 'dpo@facturo.example', /post-mortem/);
    expect(record.text).toContain('Claire Henry <claire.henry@example.org>');
    await waitForMail(server.outboxDir, 'paul.henry@example.org', /directives post-mortem/);
    await context.close();
  });

  it('can be used with the keyboard alone: skip link first, visible focus, forms reachable', async () => {
    const context = await browser.newContext({ viewport: WIDTHS.desktop, locale: 'fr-FR' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await page.goto(`${server.url}/rights`);
    await page.getByRole('heading', { level: 1, name: 'Exercer mes droits' }).waitFor();
    await page.keyboard.press('Tab');
    const focused = () =>
      page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        const style = element === null ? null : getComputedStyle(element);
        return {
          text: element?.textContent?.trim() ?? '',
          id: element?.id ?? '',
          outline: style === null ? 'none' : `${style.outlineStyle} ${style.outlineWidth}`,
        };
      });
    const skipLink = await focused();
    expect(skipLink.text).toBe('Aller au contenu');
    expect(skipLink.outline).not.toMatch(/^none/);
    await page.keyboard.press('Enter');
    expect((await focused()).id).toBe('main');
    // From the main content, Tab reaches the first right, then arrow keys move between rights.
    for (
      let i = 0;
      i < 40 &&
      !(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.type === 'radio'));
      i += 1
    ) {
      await page.keyboard.press('Tab');
    }
    const radio = await focused();
    expect(radio.outline).not.toMatch(/^none/);
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    expect(
      await page.evaluate(
        () => (document.querySelector('input[name=right]:checked') as HTMLInputElement | null)?.value,
      ),
    ).toBe('rectification');
    await context.close();
  });

  it('fits every page at 390 px and 1280 px, accessibly, in both languages', async () => {
    for (const [width, viewport] of Object.entries(WIDTHS)) {
      const context = await browser.newContext({ viewport, locale: 'fr-FR' });
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      for (const entry of PAGES) {
        await page.goto(`${server.url}${entry.path}`);
        await page.getByRole('heading', { level: 1, name: entry.heading }).waitFor();
        await page.waitForFunction(() => document.querySelector('.loading') === null);
        const { scrollWidth, innerWidth } = await horizontalOverflow(page);
        expect(scrollWidth, `${entry.path} at ${width}`).toBeLessThanOrEqual(innerWidth);
        expect(await accessibilityProblems(page), `${entry.path} at ${width}`).toEqual([]);
        await screenshot(page, `center-${entry.name}-${viewport.width}`);
      }
      // The same page in English.
      await page.goto(`${server.url}/rights`);
      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Exercise my rights' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await accessibilityProblems(page)).toEqual([]);
      await context.close();
    }
  });
});
