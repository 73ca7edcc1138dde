import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RegistreError } from '../../errors/registry.ts';
import {
  DPV_TERMS_ENV,
  defaultDpvTermsPath,
  expandCurie,
  loadDpvTerms,
  REPOSITORY_DPV_TERMS,
} from './dpv.ts';

const dir = mkdtempSync(join(tmpdir(), 'registre-dpv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('expandCurie', () => {
  it('expands each prefix to its namespace', () => {
    expect(expandCurie('dpv:Customer')).toBe('https://w3id.org/dpv#Customer');
    expect(expandCurie('pd:EmailAddress')).toBe('https://w3id.org/dpv/pd#EmailAddress');
    expect(expandCurie('eu-gdpr:A6-1-b')).toBe('https://w3id.org/dpv/legal/eu/gdpr#A6-1-b');
    expect(expandCurie('eu:Adequacy-EU-CH')).toBe('https://w3id.org/dpv/legal/eu#Adequacy-EU-CH');
    expect(expandCurie('loc:FR')).toBe('https://w3id.org/dpv/loc#FR');
  });

  it('rejects an unknown prefix or a missing term, naming the allowed prefixes', () => {
    expect(() => expandCurie('schema:Person')).toThrow(/not a DPV CURIE.*dpv, pd, eu-gdpr, eu, loc/);
    expect(() => expandCurie('dpv:')).toThrow(RegistreError);
    expect(() => expandCurie('Customer')).toThrow(RegistreError);
  });
});

describe('loadDpvTerms', () => {
  it('prefers the repository copy of the term list', () => {
    expect(defaultDpvTermsPath({})).toBe(REPOSITORY_DPV_TERMS);
    const terms = loadDpvTerms();
    expect(terms.has('https://w3id.org/dpv/pd#EmailAddress')).toBe(true);
    expect(terms.has('https://w3id.org/dpv#DataTransfer')).toBe(false);
  });

  it('honours the environment variable', () => {
    expect(defaultDpvTermsPath({ [DPV_TERMS_ENV]: '/elsewhere/terms.tsv' })).toBe('/elsewhere/terms.tsv');
  });

  it('reads the first column of a TSV with an iri header', () => {
    const file = join(dir, 'terms.tsv');
    writeFileSync(
      file,
      'iri\ttype\tlabel\nhttps://w3id.org/dpv#A\tclass\tA\nhttps://w3id.org/dpv#B\tclass\tB\n',
    );
    expect([...loadDpvTerms(file)]).toEqual(['https://w3id.org/dpv#A', 'https://w3id.org/dpv#B']);
  });

  it('fails clearly on a missing file or a file without the header', () => {
    expect(() => loadDpvTerms(join(dir, 'absent.tsv'))).toThrow(/cannot be read; set REGISTRE_DPV_TERMS/);
    const file = join(dir, 'no-header.tsv');
    writeFileSync(file, 'https://w3id.org/dpv#A\tclass\tA\n');
    expect(() => loadDpvTerms(file)).toThrow(/first line is the header/);
  });
});
