import { beforeAll, describe, expect, it } from 'vitest';
import { loadPolicyOrThrow } from '../policy/load-policy.ts';
import type { LoadedPolicy } from '../policy/loaded-policy.ts';
import { deadlineRules, responseDueOn } from './deadline.ts';
import { assertRightGranted, grantedRights, rightAvailability } from './rights.ts';

let wimi: LoadedPolicy;
let invoiceManagers: LoadedPolicy;

beforeAll(async () => {
  wimi = await loadPolicyOrThrow('examples/seeds/001-wimi/policy.yaml');
  invoiceManagers = await loadPolicyOrThrow('examples/seeds/002-invoice-managers/policy.yaml');
});

describe('rights a policy grants', () => {
  it('seed 001 refuses restriction with its reason, in French and in English', () => {
    const availability = rightAvailability(wimi, 'restriction', 'fr');
    expect(availability.granted).toBe(false);
    expect(() => assertRightGranted(wimi, 'restriction', 'fr')).toThrow(
      expect.objectContaining({
        code: 'REG_ERR_REQUESTS_RIGHT_NOT_GRANTED',
        status: 422,
        publicMessage: expect.stringMatching(
          /^Le droit à la limitation du traitement ne peut pas être exercé : .*contrat/,
        ),
      }),
    );
    expect(() => assertRightGranted(wimi, 'restriction', 'en')).toThrow(
      expect.objectContaining({ publicMessage: expect.stringMatching(/necessary for the contract/) }),
    );
  });

  it('seed 001 grants access with its limits, seed 002 grants restriction', () => {
    const access = rightAvailability(wimi, 'access', 'en');
    expect(access.granted).toBe(true);
    if (access.granted) expect(access.limits.length).toBe(3);
    expect(() => assertRightGranted(invoiceManagers, 'restriction', 'fr')).not.toThrow();
    expect(grantedRights(wimi)).not.toContain('restriction');
    expect(grantedRights(invoiceManagers)).toContain('restriction');
  });

  it('a right the policy does not mention is not granted; objection covers direct marketing', async () => {
    const processorOnly = await loadPolicyOrThrow('examples/seeds/000-e-invoicing/policy.yaml');
    expect(grantedRights(processorOnly)).toEqual([]);
    expect(() => assertRightGranted(processorOnly, 'access', 'en')).toThrow(
      expect.objectContaining({ publicMessage: expect.stringMatching(/does not provide for it/) }),
    );
    expect(grantedRights(invoiceManagers)).toContain('objection-direct-marketing');
  });

  it("seed 002's 30-day response time sets the deadline", () => {
    expect(responseDueOn(new Date('2024-02-01T09:00:00Z'), deadlineRules(invoiceManagers))).toBe(
      '2024-03-02',
    );
    expect(responseDueOn(new Date('2024-01-31T09:00:00Z'), deadlineRules(wimi))).toBe('2024-02-29');
  });
});
