import { describe, expect, it } from 'vitest';
import { describeRetention } from '../retention-words.ts';
import { buildRegister } from './build-register.ts';
import { CONTROLLER_MANDATORY_COLUMNS, PROCESSOR_MANDATORY_COLUMNS } from './register-columns.ts';
import { loadFixture, richPolicy, sparsePolicy } from './register-test-fixture.ts';
import type { Art30Register, RegisterCell } from './register-types.ts';

const isFilled = (cell: RegisterCell | undefined): boolean =>
  typeof cell === 'string'
    ? cell.trim() !== ''
    : Array.isArray(cell) && cell.length > 0 && cell.every((v: string) => v.trim() !== '');

function emptyMandatoryCells(register: Art30Register): string[] {
  const empty: string[] = [];
  for (const row of register.controllerRecord.rows) {
    for (const key of CONTROLLER_MANDATORY_COLUMNS) {
      if (!isFilled(row[key])) empty.push(`30(1) ${String(row.activityId)}.${key}`);
    }
  }
  for (const row of register.processorRecord.rows) {
    for (const key of PROCESSOR_MANDATORY_COLUMNS) {
      if (!isFilled(row[key])) empty.push(`30(2) ${String(row.activityId)}.${key}`);
    }
  }
  return empty;
}

const cellText = (cell: RegisterCell | undefined): string =>
  cell === undefined ? '' : typeof cell === 'string' ? cell : cell.join('\n');

describe('buildRegister', () => {
  const rich = loadFixture(richPolicy());
  const fr = buildRegister(rich, 'fr');
  const en = buildRegister(rich, 'en');

  it('gives one row per activity, controller and processor activities in separate records', () => {
    expect(fr.controllerRecord.rows.map((r) => r.activityId)).toEqual(['prospecting', 'hostile']);
    expect(fr.processorRecord.rows.map((r) => r.activityId)).toEqual(['e-invoicing']);
    expect(fr.controllerRecord.article).toBe('30(1)');
    expect(fr.processorRecord.article).toBe('30(2)');
    expect(fr.controllerRecord.columns.map((c) => c.key)).toEqual([...CONTROLLER_MANDATORY_COLUMNS]);
    expect(fr.processorRecord.columns.map((c) => c.key)).toEqual([...PROCESSOR_MANDATORY_COLUMNS]);
    expect(CONTROLLER_MANDATORY_COLUMNS).not.toContain('controllers');
    expect(PROCESSOR_MANDATORY_COLUMNS).toContain('controllers');
    expect(PROCESSOR_MANDATORY_COLUMNS).not.toContain('jointControllers');
  });

  it('never leaves a mandatory cell empty, even for a policy that says almost nothing', () => {
    const sparse = loadFixture(sparsePolicy());
    for (const lang of ['fr', 'en'] as const) {
      expect(emptyMandatoryCells(buildRegister(rich, lang))).toEqual([]);
      expect(emptyMandatoryCells(buildRegister(sparse, lang))).toEqual([]);
    }
  });

  it('writes an explicit value where the policy is silent or names nothing', () => {
    const sparse = buildRegister(loadFixture(sparsePolicy()), 'fr');
    const row = sparse.controllerRecord.rows[0]!;
    expect(row.jointControllers).toBe('Aucun');
    expect(row.representative).toBe('Aucun');
    expect(row.dpo).toBe('Aucun');
    expect(row.controllerContact).toBe('Non précisé par la politique');
    expect(row.legalBases).toBe('Non précisé par la politique');
    expect(row.recipientsInternal).toBe('Non précisé par la politique');
    expect(row.processors).toBe('Aucun');
    expect(row.transfers).toBe('Aucun');
    expect(row.createdOn).toBe('Non précisé par la politique');
    expect(row.retention).toEqual(['Adresse IP : Non précisé par la politique']);
    expect(row.securityAccessControl).toBe('Non précisé par la politique');
    expect(row.dataIdentity).toBe('Aucune');
    expect(sparse.processorRecord.rows[0]!.controllers).toBe('Non précisé par la politique');
    const sparseEn = buildRegister(loadFixture(sparsePolicy()), 'en').controllerRecord.rows[0]!;
    expect(sparseEn.jointControllers).toBe('None');
    expect(sparseEn.legalBases).toBe('Not stated in the policy');
  });

  it('fills the controller identity, DPO and legal bases with their articles', () => {
    const row = fr.controllerRecord.rows[0]!;
    expect(row.controllerName).toBe('Acme, "Le Test" SAS (RCS Paris 123 456 789)');
    expect(row.controllerContact).toBe(
      '1 rue de la Paix, 75002 Paris, France, contact@acme.example, Tél. +33 1 23 45 67 89',
    );
    expect(row.dpo).toBe('Jeanne Martin, dpo@acme.example');
    expect(row.legalBases).toEqual(['Intérêt légitime (art. 6(1)(f)) : Développer notre clientèle']);
    expect(row.software).toEqual(['CRM "Pro", v2']);
    expect(row.createdOn).toBe('2024-01-15');
    expect(row.updatedOn).toBe('2025-02-01');
  });

  it('sorts data categories into the CNIL families and flags sensitive data', () => {
    const [prospecting, hostile] = fr.controllerRecord.rows;
    expect(prospecting!.dataIdentity).toEqual([
      'Nom et prénom',
      'Adresse e-mail',
      "Numéro d'identification national",
    ]);
    expect(prospecting!.dataConnection).toBe('Aucune');
    expect(prospecting!.sensitiveData).toBe("Oui : Numéro d'identification national");
    expect(hostile!.dataConnection).toEqual(['Adresse IP']);
    expect(hostile!.sensitiveData).toBe('Non');
    expect(en.controllerRecord.rows[0]!.sensitiveData).toBe('Yes: National identification number');
  });

  it('gives the erasure time limit per data category, with the rule words and the uncovered categories', () => {
    const policy = rich.policy;
    const rule = policy.activities[0]!.retention[0]!;
    expect(fr.controllerRecord.rows[0]!.retention).toEqual([
      `Nom et prénom, Adresse e-mail : ${describeRetention(rule, rich.taxonomy, 'fr')}`,
      "Numéro d'identification national : Non précisé par la politique",
    ]);
    expect(en.controllerRecord.rows[0]!.retention).toEqual([
      `Name, Email address: ${describeRetention(rule, rich.taxonomy, 'en')}`,
      'National identification number: Not stated in the policy',
    ]);
  });

  it('lists recipients, processors, recipients in third countries and transfers with their safeguards', () => {
    const row = fr.controllerRecord.rows[0]!;
    expect(row.recipientsInternal).toEqual(['Service marketing']);
    expect(row.recipientsExternal).toBe('Aucun');
    expect(row.processors).toEqual([
      "Mailer Ltd, 41 Corsham St, N1 6DR London, Royaume-Uni : Envoi d'e-mails",
      'Cloudy Inc., États-Unis : Hébergement',
    ]);
    expect(row.thirdCountryRecipients).toEqual(['Mailer Ltd (Royaume-Uni)', 'Cloudy Inc. (États-Unis)']);
    expect(row.transfers).toEqual([
      "Royaume-Uni — Mailer Ltd (traitement hors EEE) : Décision d'adéquation (art. 45)",
      'États-Unis — Cloudy Inc. : Clauses contractuelles types (art. 46(2)(c)), Privacy Shield UE–États-Unis (mécanisme non valide)',
    ]);
    expect(fr.controllerRecord.rows[1]!.transfers).toBe('Aucun');
  });

  it('groups security measures by CNIL family, showing measures not applied and who provides them', () => {
    const [prospecting, hostile] = fr.controllerRecord.rows;
    expect(prospecting!.securityAccessControl).toEqual(['Contrôle des accès']);
    expect(prospecting!.securityEncryption).toEqual([
      'Chiffrement des données stockées (fournie par Cloudy Inc.)',
    ]);
    expect(prospecting!.securityOther).toEqual([
      'Pseudonymisation (non appliquée)',
      'Certification : ISO/IEC 27001',
    ]);
    expect(prospecting!.securityProcessorControl).toEqual(['Sous-traitants liés par contrat : Cloudy Inc.']);
    expect(hostile!.securityProcessorControl).toBe('Aucune');
    expect(hostile!.securityBackups).toBe('Aucune');
  });

  it('builds the processor record with each controller, the categories of processing and sub-processors', () => {
    const row = fr.processorRecord.rows[0]!;
    expect(row.processorName).toBe('Acme, "Le Test" SAS (RCS Paris 123 456 789)');
    expect(row.dpo).toBe('Jeanne Martin, dpo@acme.example');
    expect(row.controllers).toEqual(['Chaque client sous son contrat, client@customer.example']);
    expect(row.processingCategories).toEqual(['Facturation électronique']);
    expect(row.subProcessors).toEqual(['Cloudy Inc., États-Unis : Hébergement']);
    expect(cellText(row.transfers)).toContain('États-Unis — Cloudy Inc. : Clauses contractuelles types');
    expect(cellText(row.retention)).toContain('Nom et prénom, Factures : ');
    expect(row.securityAccessControl).toEqual(['Contrôle des accès']);
  });
});
