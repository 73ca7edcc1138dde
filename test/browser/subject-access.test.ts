/**
 * Journey: a data subject asks for a copy of their data in the privacy center, confirms the
 * e-mailed code, an agent fulfils the request in the console through the engine, and the subject
 * downloads the export — which holds exactly that subject's rows of the demo database.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TABLES } from '../../examples/demo/schema.ts';
import { openTarget } from '../../src/engine/db/connect.ts';
import { chromiumSkipReason, launchChromium } from './support/chromium.ts';
import { signInToConsole } from './support/console.ts';
import { waitForMail } from './support/outbox.ts';
import { accessibilityProblems, horizontalOverflow, screenshot, WIDTHS } from './support/page-checks.ts';
import { type Person, type RegistreServer, startRegistreServer } from './support/registre-server.ts';
import { ensureWebBuild } from './support/web-build.ts';

const skip = chromiumSkipReason();

type Row = Record<string, unknown>;

/**
 * The rows of the demo database that are about the person with `email`, computed from the
 * schema alone: the rows of every table with an `email` column equal to it, and the rows of
 * every table that references one of those rows by foreign key.
 */
async function rowsAbout(targetUrl: string, email: string): Promise<Map<string, Set<string>>> {
  const target = openTarget(targetUrl, { poolSize: 1 });
  const db = target.db as unknown as import('kysely').Kysely<Record<string, Row>>;
  try {
    const expected = new Map<string, Set<string>>();
    const identityIds = new Map<string, Set<string>>();
    for (const table of DEMO_TABLES) {
      if (!table.columns.some((c) => c.name === 'email')) continue;
      const rows = await db.selectFrom(table.name).select('id').where('email', '=', email).execute();
      if (rows.length === 0) continue;
      const ids = new Set(rows.map((r) => String(r.id)));
      identityIds.set(table.name, ids);
      expected.set(table.name, new Set(ids));
    }
    for (const table of DEMO_TABLES) {
      for (const column of table.columns) {
        const ids = column.references === undefined ? undefined : identityIds.get(column.references);
        if (ids === undefined) continue;
        const rows = await db
          .selectFrom(table.name)
          .select('id')
          .where(column.name, 'in', [...ids].map(Number))
          .execute();
        const set = expected.get(table.name) ?? new Set<string>();
        for (const row of rows) set.add(String(row.id));
        if (set.size > 0) expected.set(table.name, set);
      }
    }
    return expected;
  } finally {
    await target.close();
  }
}

/** A contact of the demo database whose address appears in no other table, with some activity. */
async function pickContact(targetUrl: string): Promise<string> {
  const target = openTarget(targetUrl, { poolSize: 1 });
  const db = target.db as unknown as import('kysely').Kysely<Record<string, Row>>;
  try {
    const contacts = await db
      .selectFrom('contacts')
      .select(['id', 'email'])
      .where('anonymised_at', 'is', null)
      .orderBy('id')
      .execute();
    for (const contact of contacts) {
      const email = String(contact.email);
      const elsewhere = await Promise.all(
        ['debtors', 'prospects'].map((table) =>
          db.selectFrom(table).select('id').where('email', '=', email).execute(),
        ),
      );
      const twins = await db.selectFrom('contacts').select('id').where('email', '=', email).execute();
      const tickets = await db
        .selectFrom('support_tickets')
        .select('id')
        .where('contact_id', '=', Number(contact.id))
        .execute();
      if (elsewhere.every((rows) => rows.length === 0) && twins.length === 1 && tickets.length > 0)
        return email;
    }
    throw new Error('the demo database has no contact with a unique address and a support ticket');
  } finally {
    await target.close();
  }
}

describe.skipIf(skip !== null)('subject access request, end to end', () => {
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

  it('submits, verifies, fulfils and downloads exactly the subject’s rows', async () => {
    const email = await pickContact(server.targetUrl);
    const expected = await rowsAbout(server.targetUrl, email);
    expect(expected.get('contacts')?.size).toBe(1);

    // The subject, on a phone.
    const subjectContext = await browser.newContext({
      viewport: WIDTHS.phone,
      locale: 'fr-FR',
      acceptDownloads: true,
    });
    subjectContext.setDefaultTimeout(10_000);
    const subject = await subjectContext.newPage();
    await subject.goto(`${server.url}/rights`);
    await subject.getByRole('heading', { level: 1, name: 'Exercer mes droits' }).waitFor();
    await subject.getByRole('radio', { name: /Droit d.accès/ }).check();
    await subject.getByLabel('Votre adresse e-mail').fill(email);
    expect(await accessibilityProblems(subject)).toEqual([]);
    await subject.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await subject.getByRole('heading', { level: 1, name: 'Vérifier mon identité' }).waitFor();
    const trackingHref = await subject.getByTestId('tracking-link').getAttribute('href');
    expect(trackingHref).toMatch(/^\/privacy-center\/requests\/[0-9a-f-]{36}\?token=/);

    const codeMail = await waitForMail(server.outboxDir, email, /code de vérification/);
    const code = /\b(\d{6})\b/.exec(codeMail.text)?.[1];
    expect(code).toMatch(/^\d{6}$/);
    await subject.getByLabel('Code reçu par e-mail').fill(code!);
    await subject.getByRole('button', { name: 'Confirmer' }).click();
    await subject.getByText('Votre identité est vérifiée').waitFor();

    // The agent, on a desktop, finds the request in the inbox and fulfils it.
    const agentContext = await browser.newContext({ viewport: WIDTHS.desktop, locale: 'fr-FR' });
    agentContext.setDefaultTimeout(10_000);
    const console_ = await agentContext.newPage();
    await signInToConsole(console_, server.url, agent, '/console/requests');
    await console_.getByRole('heading', { level: 1, name: 'Demandes des personnes' }).waitFor();
    const row = console_
      .getByRole('row')
      .filter({ hasText: 'Droit d’accès' })
      .filter({ hasText: 'En cours de traitement' });
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    await row.getByRole('link').click();
    await console_.getByRole('heading', { level: 2, name: 'La personne' }).waitFor();
    await expect.poll(() => console_.getByText(email).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await console_.getByRole('button', { name: 'Exécuter : Droit d’accès' }).click();
    await console_.getByText('Traitée', { exact: true }).first().waitFor();
    await screenshot(console_, 'console-request-fulfilled-1280');

    // The subject receives the answer with the download links, and downloads the JSON copy.
    const answer = await waitForMail(server.outboxDir, email, /réponse à votre demande/);
    const token = /\/exports\/([A-Za-z0-9_-]{43})\//.exec(answer.text)?.[1];
    expect(token).toBeDefined();
    await subject.goto(`${server.url}/privacy-center/exports/${token}`);
    await subject.getByRole('heading', { level: 1, name: 'Télécharger la copie de mes données' }).waitFor();
    expect(
      await horizontalOverflow(subject).then(({ scrollWidth, innerWidth }) => scrollWidth <= innerWidth),
    ).toBe(true);
    await screenshot(subject, 'center-download-390');
    const [download] = await Promise.all([
      subject.waitForEvent('download'),
      subject.getByRole('link', { name: /^access\.json/ }).click(),
    ]);
    const path = await download.path();
    const { readFileSync } = await import('node:fs');
    const report = JSON.parse(readFileSync(path, 'utf8')) as {
      tables: { table: string; key: string; rows: Row[] }[];
    };

    const got = new Map<string, Set<string>>();
    for (const table of report.tables) {
      if (table.rows.length === 0) continue;
      got.set(table.table, new Set(table.rows.map((r) => String(r[table.key]))));
    }
    expect(Object.fromEntries([...got].map(([t, ids]) => [t, [...ids].sort()]))).toEqual(
      Object.fromEntries([...expected].map(([t, ids]) => [t, [...ids].sort()])),
    );
    const contactRow = report.tables.find((t) => t.table === 'contacts')?.rows[0];
    expect(contactRow?.email).toBe(email);

    // The tracking link says the request is answered.
    await subject.goto(`${server.url}${trackingHref}`);
    await subject.getByRole('heading', { level: 1, name: 'Ma demande' }).waitFor();
    await subject.getByText('Traitée', { exact: true }).waitFor();

    await subjectContext.close();
    await agentContext.close();
  });
});
