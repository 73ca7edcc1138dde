import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { RegistreError } from '../../errors/registry.ts';
import { type TRetentionRule, ZRetentionRule } from '../model.ts';
import { testTaxonomy } from './notice/test-fixture.ts';
import { describeDuration, describeRetention } from './retention-words.ts';

const taxonomy = testTaxonomy();
const rule = (input: Omit<z.input<typeof ZRetentionRule>, 'id' | 'label' | 'data'>): TRetentionRule =>
  ZRetentionRule.parse({ id: 'r', label: { fr: 'Données', en: 'Data' }, data: ['name'], ...input });

describe('describeDuration', () => {
  it.each([
    ['P3Y', '3 ans', '3 years'],
    ['P1Y', '1 an', '1 year'],
    ['P13M', '13 mois', '13 months'],
    ['P1M', '1 mois', '1 month'],
    ['P12M', '12 mois', '12 months'],
    ['P4W', '4 semaines', '4 weeks'],
    ['P1W', '1 semaine', '1 week'],
    ['P30D', '30 jours', '30 days'],
    ['P1D', '1 jour', '1 day'],
    ['PT72H', '72 heures', '72 hours'],
    ['PT1H', '1 heure', '1 hour'],
    ['P1Y6M', '1 an et 6 mois', '1 year and 6 months'],
    ['P2Y3M10D', '2 ans, 3 mois et 10 jours', '2 years, 3 months and 10 days'],
    ['P0D', '0 jour', '0 days'],
  ])('%s reads "%s" / "%s"', (iso, fr, en) => {
    expect(describeDuration(iso, 'fr')).toBe(fr);
    expect(describeDuration(iso, 'en')).toBe(en);
  });

  it('rejects a malformed duration with the retention error code', () => {
    expect(() => describeDuration('3 years', 'fr')).toThrowError(RegistreError);
    expect(() => describeDuration('P1S', 'en')).toThrowError(/P1S/);
  });
});

describe('describeRetention', () => {
  it('a period from the last contact, then deletion', () => {
    const r = rule({ trigger: 'last-contact-from-subject', duration: 'P3Y', endAction: 'delete' });
    expect(describeRetention(r, taxonomy, 'fr')).toBe(
      '3 ans à compter du dernier contact émanant de vous, puis suppression',
    );
    expect(describeRetention(r, taxonomy, 'en')).toBe('3 years from your last contact with us, then deleted');
  });

  it('until consent is withdrawn (P0D)', () => {
    const r = rule({ trigger: 'consent-withdrawal', duration: 'P0D', endAction: 'delete' });
    expect(describeRetention(r, taxonomy, 'fr')).toBe(
      "jusqu'au retrait de votre consentement, puis suppression",
    );
    expect(describeRetention(r, taxonomy, 'en')).toBe('until you withdraw your consent, then deleted');
  });

  it('the contract, then 3 years, then archive up to 5 years after the end of the contract', () => {
    const r = rule({
      trigger: 'end-of-contract',
      duration: 'P3Y',
      archive: { duration: 'P5Y', from: 'trigger', reason: 'limitation-period' },
      endAction: 'delete',
    });
    expect(describeRetention(r, taxonomy, 'fr')).toBe(
      "pendant toute la durée du contrat, puis 3 ans, puis archivage intermédiaire jusqu'à 5 ans après la fin du contrat (délai de prescription), puis suppression",
    );
    expect(describeRetention(r, taxonomy, 'en')).toBe(
      'for the whole term of the contract, then 3 years, then in intermediate archive until 5 years after the end of the contract (limitation period), then deleted',
    );
  });

  it('bank data: gone at the transaction unless you agree, then 13 months of archive from the debit date', () => {
    const r = rule({
      trigger: 'transaction',
      duration: 'P0D',
      longerWithConsent: true,
      archive: { duration: 'P13M', trigger: 'debit-date', reason: 'payment-proof' },
      endAction: 'delete',
    });
    const fr = describeRetention(r, taxonomy, 'fr');
    expect(fr).toContain('13 mois en archivage intermédiaire à compter de la date de débit');
    expect(fr).toBe(
      "jusqu'à la réalisation de la transaction (ou plus longtemps avec votre accord exprès), puis 13 mois en archivage intermédiaire à compter de la date de débit (preuve du paiement), puis suppression",
    );
    expect(describeRetention(r, taxonomy, 'en')).toBe(
      'until the transaction is completed (or longer with your express consent), then 13 months in intermediate archive from the debit date (proof of payment), then deleted',
    );
  });

  it('a period or an earlier erasure request, whichever comes first', () => {
    const r = rule({
      trigger: 'collection',
      duration: 'P3Y',
      endsEarlierOn: ['erasure-request'],
      endAction: 'delete',
    });
    expect(describeRetention(r, taxonomy, 'fr')).toBe(
      "3 ans à compter de leur collecte ou jusqu'à ce que vous nous demandiez la suppression, si cela intervient plus tôt, puis suppression",
    );
    expect(describeRetention(r, taxonomy, 'en')).toBe(
      '3 years from collection or until you ask us to delete them, whichever comes first, then deleted',
    );
  });

  it('a maximum ("at most 6 months")', () => {
    const r = rule({ trigger: 'record-creation', duration: 'P6M', maximum: true, endAction: 'delete' });
    expect(describeRetention(r, taxonomy, 'fr')).toBe(
      'au plus 6 mois à compter de leur enregistrement, puis suppression',
    );
    expect(describeRetention(r, taxonomy, 'en')).toBe(
      'at most 6 months from when they are recorded, then deleted',
    );
  });

  it('archive after the active phase, anonymisation and a legal hold with its reference', () => {
    const r = rule({
      trigger: 'end-of-contract',
      duration: 'P0D',
      archive: { duration: 'P5Y', reason: 'proof-of-contract', maximum: true },
      endAction: 'anonymise',
      legalHolds: [
        { reason: 'accounting-obligation', reference: 'Code de commerce L.123-22', duration: 'P10Y' },
        { reason: 'limitation-period' },
      ],
    });
    expect(describeRetention(r, taxonomy, 'fr')).toBe(
      'pendant toute la durée du contrat, puis au plus 5 ans en archivage intermédiaire (preuve du contrat), puis anonymisation ; conservation prolongée pour : obligations comptables (Code de commerce L.123-22, 10 ans à compter de la fin du contrat) et délai de prescription',
    );
    expect(describeRetention(r, taxonomy, 'en')).toBe(
      'for the whole term of the contract, then at most 5 years in intermediate archive (proof of the contract), then anonymised; kept longer for: accounting obligations (Code de commerce L.123-22, 10 years from the end of the contract) and limitation period',
    );
  });

  it('prospects: one more request at the end; training data returned then destroyed', () => {
    const prospects = rule({
      trigger: 'collection',
      duration: 'P3Y',
      renewalRequest: true,
      endAction: 'delete',
    });
    expect(describeRetention(prospects, taxonomy, 'fr')).toContain('nous pourrons vous recontacter une fois');
    const training = rule({ trigger: 'end-of-service', duration: 'P0D', endAction: 'return-and-delete' });
    expect(describeRetention(training, taxonomy, 'fr')).toBe(
      'pendant toute la durée de la prestation, puis restitution au client, puis suppression',
    );
    expect(describeRetention(training, taxonomy, 'en')).toBe(
      'for the whole duration of the service, then returned to the customer and deleted',
    );
  });

  it('an organisation-defined trigger reads as its quoted label', () => {
    const r = rule({ trigger: 'x-end-of-warranty', duration: 'P2Y', endAction: 'delete' });
    expect(describeRetention(r, taxonomy, 'fr')).toBe(
      "2 ans à compter de l'événement « Fin de la garantie », puis suppression",
    );
    expect(describeRetention(r, taxonomy, 'en')).toBe(
      '2 years from the event “End of warranty”, then deleted',
    );
  });

  it('an archive up to a maximum counted from the trigger', () => {
    const r = rule({
      trigger: 'end-of-contract',
      duration: 'P3Y',
      archive: { duration: 'P5Y', from: 'trigger', reason: 'limitation-period', maximum: true },
      endAction: 'delete',
    });
    expect(describeRetention(r, taxonomy, 'fr')).toContain(
      "archivage intermédiaire au plus jusqu'à 5 ans après la fin du contrat",
    );
    expect(describeRetention(r, taxonomy, 'en')).toContain(
      'in intermediate archive until no later than 5 years after',
    );
  });
});
