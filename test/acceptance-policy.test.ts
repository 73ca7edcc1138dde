/**
 * The acceptance lines of the "Policy as code" issue, checked the way a new user would: through
 * the `registre` command line, on the five seed policies.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadPolicyOrThrow } from '../src/policy/load-policy.ts';
import { listDpvIris } from '../src/policy/render/dpv/list-dpv-iris.ts';
import { buildRegister } from '../src/policy/render/register/build-register.ts';
import {
  CONTROLLER_MANDATORY_COLUMNS,
  PROCESSOR_MANDATORY_COLUMNS,
} from '../src/policy/render/register/register-columns.ts';
import { describeRetention } from '../src/policy/render/retention-words.ts';
import { expandCurie, loadDpvTerms } from '../src/policy/taxonomy/dpv.ts';

const run = promisify(execFile);
const SEEDS = ['000-e-invoicing', '001-wimi', '002-invoice-managers', '003-clearnox', '004-certilience'];
const policyOf = (seed: string) => join('examples', 'seeds', seed, 'policy.yaml');

async function registre(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/registre.js', ...args], {
      maxBuffer: 32 << 20,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('registre check', () => {
  it.each(SEEDS)('exits 0 on seed %s', async (seed) => {
    const result = await registre('check', policyOf(seed));
    expect(result.stdout).toMatch(/valid — 0 error\(s\)/);
    expect(result.code).toBe(0);
  });

  it('exits 1 on a copy with one misspelt key, naming its line and column', async () => {
    const text = readFileSync(policyOf('003-clearnox'), 'utf8');
    const lines = text.split('\n');
    const index = lines.findIndex((line) => /^\s+endAction:/.test(line));
    expect(index).toBeGreaterThan(0);
    const column = (lines[index] ?? '').indexOf('endAction') + 1;
    lines[index] = (lines[index] ?? '').replace('endAction', 'endAcion');
    const dir = mkdtempSync(join(tmpdir(), 'registre-acceptance-'));
    const broken = join(dir, 'policy.yaml');
    writeFileSync(broken, lines.join('\n'));
    const result = await registre('check', broken);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`${broken}:${index + 1}:${column}: error [unknown-key]`);
    expect(result.stdout).toContain("did you mean 'endAction'?");
  });
});

describe('the French notice of seed 003', () => {
  it('states each of its 15 retention periods with its trigger', async () => {
    const loaded = await loadPolicyOrThrow(policyOf('003-clearnox'));
    const rules = loaded.policy.activities.flatMap((a) => a.retention);
    expect(rules).toHaveLength(15);
    const { stdout, code } = await registre(
      'notice',
      policyOf('003-clearnox'),
      '--lang',
      'fr',
      '--format',
      'md',
    );
    expect(code).toBe(0);
    for (const rule of rules) {
      const words = describeRetention(rule, loaded.taxonomy, 'fr');
      expect(stdout, `rule ${rule.id}: ${words}`).toContain(words);
    }
    // Independently of the wording function: the seed's periods, as a reader finds them.
    for (const period of ['10 ans', '3 ans', '1 mois', '14 mois', '12 mois', '6 mois', '4 semaines']) {
      expect(stdout).toContain(period);
    }
    expect(stdout).toMatch(/1 mois à compter de la date de l['’]événement/);
    expect(stdout).toMatch(/retrait de votre consentement/);
  });
});

describe('the register CSV of each seed', () => {
  it.each(SEEDS)('%s: one row per activity, no empty mandatory Art 30 column', async (seed) => {
    const loaded = await loadPolicyOrThrow(policyOf(seed));
    const { stdout, code } = await registre('register', policyOf(seed), '--format', 'csv');
    expect(code).toBe(0);
    const register = buildRegister(loaded, 'fr');
    const rows = [...register.controllerRecord.rows, ...register.processorRecord.rows];
    expect(rows).toHaveLength(loaded.policy.activities.length);
    for (const [record, mandatory] of [
      [register.controllerRecord, CONTROLLER_MANDATORY_COLUMNS],
      [register.processorRecord, PROCESSOR_MANDATORY_COLUMNS],
    ] as const) {
      for (const row of record.rows) {
        for (const key of mandatory) {
          const cell = (row as Record<string, string | readonly string[]>)[key];
          const text = typeof cell === 'string' ? cell : (cell ?? []).join('');
          expect(text.trim(), `${seed} ${String(key)}`).not.toBe('');
        }
      }
    }
    // The CSV has the header and one line per activity (cells may span lines inside quotes).
    const records = stdout.match(/^30\([12]\),/gm) ?? [];
    expect(records).toHaveLength(loaded.policy.activities.length);
  });
});

describe('registre dpv', () => {
  const terms = loadDpvTerms();
  it.each(SEEDS)('%s: every DPV IRI exists in DPV 2.3', async (seed) => {
    const { stdout, code } = await registre('dpv', policyOf(seed));
    expect(code).toBe(0);
    const iris = listDpvIris(JSON.parse(stdout)).filter((iri) => iri.startsWith('https://w3id.org/dpv'));
    expect(iris.length).toBeGreaterThan(20);
    const missing = iris.filter((iri) => !terms.has(iri));
    expect(missing).toEqual([]);
    expect(terms.has(expandCurie('dpv:CrossBorderTransfer'))).toBe(true);
  });
});

describe('no free-text fallback in the seed policies', () => {
  it.each(SEEDS)('%s: retention, processors, transfers and rights are structured', async (seed) => {
    const { policy } = await loadPolicyOrThrow(policyOf(seed));
    // A `note` may reword a right for the reader; the rule itself must be in the structured fields.
    for (const [right, statement] of Object.entries(policy.rights.statements)) {
      if (!statement.available) expect(statement.reasons?.length ?? 0, `rights.${right}`).toBeGreaterThan(0);
    }
    for (const activity of policy.activities) {
      for (const [right, statement] of Object.entries(activity.rights ?? {})) {
        if (!statement.available)
          expect(statement.reasons?.length ?? 0, `${activity.id}.${right}`).toBeGreaterThan(0);
      }
      for (const rule of activity.retention) {
        expect(rule.trigger).toMatch(/^[a-z0-9-]+$/);
        expect(rule.duration).toMatch(/^P/);
      }
    }
    for (const processor of policy.processors) {
      expect(processor.country).toMatch(/^([A-Z]{2}|EEA)$/);
      expect(processor.services.length).toBeGreaterThan(0);
      for (const transfer of processor.transfers) expect(transfer.safeguards.length).toBeGreaterThan(0);
    }
  });
});

describe('registre diff and schema', () => {
  it('tells a subject that a retention got longer and a contact changed', async () => {
    const text = readFileSync(policyOf('003-clearnox'), 'utf8');
    expect(text).toContain('P6M');
    const dir = mkdtempSync(join(tmpdir(), 'registre-diff-'));
    const next = join(dir, 'policy.yaml');
    writeFileSync(next, text.replace('P6M', 'P12M'));
    const { stdout, code } = await registre('diff', policyOf('003-clearnox'), next, '--lang', 'fr');
    expect(code).toBe(0);
    expect(stdout).toContain('passe de 6 mois à 12 mois');
    const json = await registre('--json', 'diff', policyOf('003-clearnox'), next);
    const changes = JSON.parse(json.stdout) as { kind: string; importance: string }[];
    expect(changes).toEqual([expect.objectContaining({ kind: 'retention-longer', importance: 'major' })]);
  });

  it('prints the JSON Schema of the policy file', async () => {
    const { stdout, code } = await registre('schema');
    expect(code).toBe(0);
    const schema = JSON.parse(stdout) as {
      properties: Record<string, unknown>;
      additionalProperties: unknown;
    };
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['organisation', 'activities', 'rights']),
    );
    expect(schema.additionalProperties).toBe(false);
  });
});
