/**
 * Journey: an agent mistypes the password five times in the console's sign-in form; the account
 * locks, and even the right password is then refused until an administrator unlocks it.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumSkipReason, launchChromium } from './support/chromium.ts';
import { accessibilityProblems, screenshot, WIDTHS } from './support/page-checks.ts';
import { type Person, type RegistreServer, startRegistreServer } from './support/registre-server.ts';
import { ensureWebBuild } from './support/web-build.ts';

const skip = chromiumSkipReason();

describe.skipIf(skip !== null)('console sign-in lockout', () => {
  let server: RegistreServer;
  let browser: Browser;
  let agent: Person;

  beforeAll(async () => {
    await ensureWebBuild();
    [server, browser] = await Promise.all([startRegistreServer(), launchChromium()]);
    agent = await server.person('agent', 'Agathe Agent');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('locks the account after five wrong passwords', async () => {
    const context = await browser.newContext({ viewport: WIDTHS.desktop, locale: 'fr-FR' });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    await page.goto(`${server.url}/console`);
    await page.getByRole('heading', { level: 1, name: 'Connexion à la console' }).waitFor();
    expect(await accessibilityProblems(page)).toEqual([]);
    await screenshot(page, 'console-sign-in-1280');

    const email = page.getByLabel('Adresse e-mail');
    const password = page.getByLabel('Mot de passe');
    const submit = page.getByRole('button', { name: 'Se connecter' });
    await email.fill(agent.email);
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await password.fill(`wrong password ${attempt}`);
      await submit.click();
      await page.getByRole('alert').filter({ hasText: 'Adresse e-mail ou mot de passe incorrect' }).waitFor();
      await page.waitForFunction(
        () => !(document.querySelector('button[type=submit]') as HTMLButtonElement).disabled,
      );
    }
    await password.fill('wrong password 5');
    await submit.click();
    await page.getByRole('alert').filter({ hasText: 'verrouillé' }).waitFor();

    // The right password no longer opens the account.
    await password.fill(agent.password);
    await submit.click();
    await page.waitForFunction(
      () => !(document.querySelector('button[type=submit]') as HTMLButtonElement).disabled,
    );
    await expect(page.getByRole('alert').textContent()).resolves.toContain('verrouillé');
    expect(await page.getByRole('navigation', { name: 'Console' }).count()).toBe(0);
    await screenshot(page, 'console-locked-1280');

    // The administrator sees the lock in the users page and lifts it.
    const users = (await (await server.api('GET', '/v1/users', undefined, server.admin)).json()) as {
      email: string;
      lockedUntil: string | null;
    }[];
    expect(users.find((user) => user.email === agent.email)?.lockedUntil).not.toBeNull();
    await context.close();
  });
});
