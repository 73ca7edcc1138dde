import { describe, expect, it } from 'vitest';
import { ibanValid, luhnValid, nirValid } from './checksums.ts';
import { DETECTORS, type DetectorId, detect } from './detectors.ts';

const cases: Record<DetectorId, { yes: string[]; no: string[] }> = {
  email: { yes: ['jean.dupont@example.fr', "o'brien+news@mail.co.uk"], no: ['jean@', 'a@b', 'not an email'] },
  phone: {
    yes: [
      '06 12 34 56 78',
      '+33 6 12 34 56 78',
      '01.23.45.67.89',
      '+32 470 12 34 56',
      '0470 12 34 56',
      '02 123 45 67',
      '+44 20 7946 0958',
    ],
    no: ['12345', '06 12 34', '1234567890123456789'],
  },
  iban: {
    yes: ['FR76 3000 6000 0112 3456 7890 189', 'BE68539007547034', 'DE89 3704 0044 0532 0130 00'],
    no: ['FR76 3000 6000 0112 3456 7890 188', 'BE68539007547035', 'XX00'],
  },
  bic: { yes: ['BNPAFRPP', 'GEBABEBB', 'BNPAFRPPXXX'], no: ['BNPA', 'HELLOWORLD', 'ABCDXXPP'] },
  'payment-card': {
    yes: ['4111 1111 1111 1111', '5500-0000-0000-0004', '4012888888881881'],
    no: ['4111 1111 1111 1112', '1234'],
  },
  ipv4: { yes: ['192.168.1.10', '8.8.8.8', '255.255.255.255'], no: ['256.1.1.1', '1.2.3', '01.2.3.4.5'] },
  ipv6: {
    yes: ['2001:db8::1', 'fe80::1ff:fe23:4567:890a', '2001:0db8:85a3:0000:0000:8a2e:0370:7334'],
    no: ['abc:def', '1::2::3', 'hello'],
  },
  date: {
    yes: ['1985-03-12', '12/03/1985', '1990-07-01T00:00:00Z'],
    no: ['2025-13-01', '1850-01-01', '31/02/20'],
  },
  'person-name': {
    yes: ['Jean Dupont', 'Marie-Claire Martin', 'DUPONT Jean', 'Koen Van Damme'],
    no: ['Paris', 'Facture 2024', 'x'],
  },
  'postal-address': {
    yes: ['12 rue de la Paix', '3 bis avenue Victor Hugo, 75016 Paris', 'Romeinsestraat 10', '75002 Paris'],
    no: ['Hello world', 'rue'],
  },
  nir: { yes: ['1 85 03 75 123 456 41', '185037512345641'], no: ['185037512345642', '385037512345641'] },
  'licence-plate': { yes: ['AB-123-CD', '1234 AB 56', '1-ABC-123'], no: ['ABC', 'AB-123-C', 'IO-123-OO'] },
  imei: { yes: ['490154203237518', '35-209900-176148-1'], no: ['490154203237519', '12345678901234'] },
};

describe('checksums', () => {
  it('Luhn, mod-97 and NIR keys', () => {
    expect(luhnValid('79927398713')).toBe(true);
    expect(luhnValid('79927398710')).toBe(false);
    expect(ibanValid('GB82WEST12345698765432')).toBe(true);
    expect(ibanValid('GB82WEST12345698765433')).toBe(false);
    expect(nirValid('185037512345641')).toBe(true);
    expect(nirValid('185037512345614')).toBe(false);
    expect(nirValid('2690520A12345XX')).toBe(false);
  });
});

describe('detectors', () => {
  for (const [id, { yes, no }] of Object.entries(cases) as [DetectorId, { yes: string[]; no: string[] }][]) {
    it(`${id} accepts its values and refuses near misses`, () => {
      for (const value of yes) expect(DETECTORS[id](value), `${id} should accept ${value}`).toBe(true);
      for (const value of no) expect(DETECTORS[id](value), `${id} should refuse ${value}`).toBe(false);
    });
    it(`${id} values come out of detect()`, () => {
      for (const value of yes) {
        const ids = detect(value);
        const expected = id === 'ipv6' || id === 'ipv4' ? id : id;
        expect(ids, value).toContain(expected);
      }
    });
  }

  it('ordinary business values match nothing', () => {
    for (const value of [
      'Facture payée',
      'EUR',
      '1250.00',
      'true',
      'active',
      'Prestation de conseil',
      '42',
    ]) {
      expect(detect(value), value).toEqual([]);
    }
  });
});
