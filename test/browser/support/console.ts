/** Console helpers shared by the journeys. */
import type { Page } from 'playwright-core';
import type { Person } from './registre-server.ts';

/** Open the console and sign in through its form (French interface). */
export async function signInToConsole(
  page: Page,
  baseUrl: string,
  person: Person,
  path = '/console',
): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel('Adresse e-mail').fill(person.email);
  await page.getByLabel('Mot de passe').fill(person.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('navigation', { name: 'Console' }).waitFor();
}
