/**
 * The governance pages of the console, driven in Chromium against the real server: the DPO opens
 * the register and downloads the CSV (one row per activity of the demo policy), opens the
 * sub-processors (each one's country shown), opens the audit log and verifies the chain (intact,
 * with the entry count the API reports); the dashboard then shows that verification. Every page
 * is checked at 1280 px and 390 px (no horizontal overflow, accessibility basics) and kept as a
 * screenshot under test/artifacts/browser/. An auditor reads the result but has no button.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { appendAudit } from '../../src/audit/append-audit.ts';
import { ensureAuditSchema } from '../../src/audit/schema.ts';
import { subjectRef } from '../../src/audit/subject-ref.ts';
import { openTarget } from '../../src/engine/db/connect.ts';
import { loadPolicyOrThrow } from '../../src/policy/load-policy.ts';
import type { LoadedPolicy } from '../../src/policy/loaded-policy.ts';
import { countryName } from '../../src/policy/render/register/format-contact.ts';
import { chromiumSkipReason, launchChromium } from './support/chromium.ts';
import { signInToConsole } from './support/console.ts';
import { accessibilityProblems, horizontalOverflow, screenshot, WIDTHS } from './support/page-checks.ts';
import { type Person, type RegistreServer, startRegistreServer } from './support/registre-server.ts';
import { ensureWebBuild } from './support/web-build.ts';

const skip = chromiumSkipReason();
const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** RFC 4180 records (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

describe.skipIf(skip !== null)('console governance pages', () => {
  let server: RegistreServer;
  let browser: Browser;
  let dpo: Person;
  let auditor: Person;
  let policy: LoadedPolicy;

  beforeAll(async () => {
    await ensureWebBuild();
    policy = await loadPolicyOrThrow(join(REPO, 'examples/demo/policy.yaml'));
    [server, browser] = await Promise.all([startRegistreServer({ demoSubjects: 20 }), launchChromium()]);
    [dpo, auditor] = [
      await server.person('dpo', 'Dominique DPO'),
      await server.person('auditor', 'Auguste Auditeur'),
    ];
    // The engine's trail in the organisation's database: three entries, as a sweep writes them.
    const target = openTarget(server.targetUrl, { poolSize: 1 });
    try {
      await ensureAuditSchema(target.db);
      await target.db.transaction().execute((trx) =>
        appendAudit(
          trx,
          [1, 2, 3].map((n) => ({
            actor: 'job:sweep',
            operation: 'retention.delete' as const,
            subjectRef: subjectRef('browser-test', 'contacts', n),
            tables: ['contacts'],
            rowCounts: { contacts: 1 },
            reason: 'retention rule customer-contacts',
          })),
        ),
      );
    } finally {
      await target.close();
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Overflow, accessibility and a screenshot of the page as it is now. */
  async function check(page: Page, name: string, width: number) {
    await page.waitForFunction(() => document.querySelector('.loading') === null);
    const { scrollWidth, innerWidth } = await horizontalOverflow(page);
    expect(scrollWidth, `${name} at ${width}`).toBeLessThanOrEqual(innerWidth);
    expect(await accessibilityProblems(page), `${name} at ${width}`).toEqual([]);
    await screenshot(page, `console-${name}-${width}`);
  }

  it('lets the DPO download the register, review sub-processors and verify the audit chain', async () => {
    const context = await browser.newContext({
      viewport: WIDTHS.desktop,
      locale: 'fr-FR',
      timezoneId: 'UTC',
      acceptDownloads: true,
    });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await signInToConsole(page, server.url, dpo);

    // Register: the table and the CSV download, one row per activity of the policy served.
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Registre' }).click();
    await page.getByRole('heading', { level: 1, name: 'Registre des activités de traitement' }).waitFor();
    const table = page.getByTestId('register-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(policy.policy.activities.length);
    await check(page, 'register', 1280);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-csv').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^register-art30-facturo-\d{4}-\d{2}-\d{2}\.csv$/);
    const records = parseCsv(readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '')).filter((r) =>
      r.some((cell) => cell !== ''),
    );
    const [header, ...rows] = records;
    const idColumn = header!.indexOf('Identifiant');
    expect(idColumn).toBeGreaterThan(0);
    expect(rows).toHaveLength(policy.policy.activities.length);
    expect(rows.map((r) => r[idColumn]).sort()).toEqual(policy.policy.activities.map((a) => a.id).sort());
    for (const row of rows) {
      const activity = policy.policy.activities.find((a) => a.id === row[idColumn])!;
      expect(row[0]).toBe(activity.role === 'controller' ? '30(1)' : '30(2)');
    }

    // Sub-processors: each one's country of processing.
    await page
      .getByRole('navigation', { name: 'Console' })
      .getByRole('link', { name: 'Sous-traitants' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Sous-traitants' }).waitFor();
    await expect.poll(() => page.locator('tr[data-processor]').count()).toBe(policy.policy.processors.length);
    for (const processor of policy.policy.processors) {
      const cell = page.locator(`tr[data-processor="${processor.id}"]`).getByTestId('processor-country');
      expect(await cell.innerText()).toContain(countryName(policy.taxonomy, processor.country, 'fr'));
    }
    // The demo policy covers every transfer: no warning badge.
    expect(await page.getByTestId('transfer-warning').count()).toBe(0);
    await page.getByText('Chaque transfert hors de l’EEE repose sur une garantie valable.').waitFor();
    await check(page, 'processors', 1280);

    // Audit log: the engine's entries, then a verification of the chain.
    await page
      .getByRole('navigation', { name: 'Console' })
      .getByRole('link', { name: 'Journal d’audit' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Journal d’audit' }).waitFor();
    await expect.poll(() => page.getByTestId('audit-table').locator('tbody tr').count()).toBe(3);
    await page.getByText('Le journal n’a jamais été vérifié.').waitFor();
    await page.getByRole('button', { name: 'Vérifier la chaîne' }).click();
    await page.getByTestId('verification-result').waitFor();
    expect(await page.getByTestId('verification-status').innerText()).toContain('Chaîne intacte');
    const latest = await server.api('GET', '/v1/audit/verifications/latest', undefined, dpo);
    const { verification } = (await latest.json()) as {
      verification: {
        ok: boolean;
        entries: number;
        verifiedAt: string;
        trails: { trail: string; entries: number }[];
      };
    };
    expect(verification.ok).toBe(true);
    expect(verification.trails.find((t) => t.trail === 'target')?.entries).toBe(3);
    expect(await page.getByTestId('verification-entries').innerText()).toBe(
      new Intl.NumberFormat('fr').format(verification.entries),
    );
    expect(verification.verifiedAt.slice(0, 10)).toBe(new Date().toISOString().slice(0, 10));
    await check(page, 'audit', 1280);

    // The store's trail now holds the verification, under the DPO's account id.
    await page.getByLabel('Journal', { exact: true }).selectOption('store');
    await page.getByLabel('Opération').selectOption('audit.verify');
    await page.getByRole('button', { name: 'Appliquer' }).click();
    await expect.poll(() => page.getByTestId('audit-table').locator('tbody tr').count()).toBe(1);
    expect(await page.getByTestId('audit-table').innerText()).toContain('audit.verify');

    // The dashboard shows that verification.
    await page
      .getByRole('navigation', { name: 'Console' })
      .getByRole('link', { name: 'Tableau de bord' })
      .click();
    const card = page.getByTestId('audit-card');
    await card.waitFor();
    const expectedDate = new Intl.DateTimeFormat('fr', { dateStyle: 'medium', timeZone: 'UTC' }).format(
      new Date(verification.verifiedAt),
    );
    expect(await page.getByTestId('audit-card-date').innerText()).toContain(expectedDate);
    expect(await card.innerText()).toContain('chaîne intacte');
    await check(page, 'dashboard-audit', 1280);
    await card.getByRole('link', { name: 'Voir et vérifier le journal' }).click();
    await page.getByRole('heading', { level: 1, name: 'Journal d’audit' }).waitFor();
    await context.close();
  });

  it('fits 390 px on every governance page, and shows the auditor the result without the button', async () => {
    const context = await browser.newContext({ viewport: WIDTHS.phone, locale: 'fr-FR', timezoneId: 'UTC' });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await signInToConsole(page, server.url, auditor);
    const pages = [
      { path: '/console/register', name: 'register', heading: 'Registre des activités de traitement' },
      { path: '/console/processors', name: 'processors', heading: 'Sous-traitants' },
      { path: '/console/audit', name: 'audit', heading: 'Journal d’audit' },
      { path: '/console', name: 'dashboard-audit', heading: 'Tableau de bord' },
    ];
    for (const entry of pages) {
      await page.goto(`${server.url}${entry.path}`);
      await page.getByRole('heading', { level: 1, name: entry.heading }).waitFor();
      if (entry.name === 'audit') {
        await page.getByTestId('verification-result').waitFor();
        expect(await page.getByRole('button', { name: 'Vérifier la chaîne' }).count()).toBe(0);
        await page
          .getByText('Votre rôle permet de consulter le résultat, pas de lancer une vérification.')
          .waitFor();
      }
      if (entry.name === 'register') await page.getByTestId('register-table').waitFor();
      if (entry.name === 'processors') await page.getByTestId('processors-table').waitFor();
      if (entry.name === 'dashboard-audit') await page.getByTestId('audit-card-date').waitFor();
      await check(page, entry.name, 390);
    }
    await context.close();
  });

  it('shows a warning badge on a processor that transfers data without a valid safeguard', async () => {
    // The demo policy plus a processor located in India (no adequacy) that lists no transfer.
    const dir = mkdtempSync(join(tmpdir(), 'registre-governance-policy-'));
    const doc = parse(readFileSync(join(REPO, 'examples/demo/policy.yaml'), 'utf8')) as {
      processors: unknown[];
    };
    doc.processors.push({
      id: 'offshore-desk',
      name: 'Offshore Desk',
      country: 'IN',
      role: 'processor',
      services: ['call-centre'],
    });
    writeFileSync(join(dir, 'policy.yaml'), stringify(doc));
    const risky = await startRegistreServer({ demoSubjects: 5, policy: join(dir, 'policy.yaml') });
    try {
      const dpoThere = await risky.person('dpo', 'Dominique DPO');
      const context = await browser.newContext({ viewport: WIDTHS.desktop, locale: 'fr-FR' });
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      await signInToConsole(page, risky.url, dpoThere, '/console/processors');
      await page.getByRole('heading', { level: 1, name: 'Sous-traitants' }).waitFor();
      const row = page.locator('tr[data-processor="offshore-desk"]');
      const badge = row.getByTestId('transfer-warning');
      await badge.waitFor();
      expect(await badge.isVisible()).toBe(true);
      expect(await badge.innerText()).toContain('Transfert sans garantie valable');
      expect(await row.getByTestId('processor-country').innerText()).toContain('Inde');
      expect(await row.innerText()).toContain('transfer-without-safeguard');
      // Only that one: every other transfer of the demo policy is covered.
      expect(await page.getByTestId('transfer-warning').count()).toBe(1);
      await page
        .getByText('1 sous-traitant transfère des données hors de l’EEE sans garantie valable.')
        .waitFor();
      await check(page, 'processors-warning', 1280);
      await context.close();
    } finally {
      await risky.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
