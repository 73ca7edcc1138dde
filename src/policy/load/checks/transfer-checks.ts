/**
 * Transfers outside the EEA (Chapter V): the safeguard each transfer relies on must exist and be valid.
 */
import type { TPolicy } from '../../model.ts';
import type { Taxonomy } from '../../taxonomy/types.ts';
import { quoteList } from '../describe-value.ts';
import { formatPath } from '../issue-path.ts';
import type { Finding } from '../policy-issue.ts';
import type { PolicyCheck } from './policy-check.ts';

const SCHREMS_II = 'invalid since the CJEU Schrems II judgment of 16 July 2020 (C-311/18)';

function eachTransfer(policy: TPolicy) {
  return policy.processors.flatMap((processor, p) =>
    processor.transfers.map((transfer, t) => ({
      processor,
      transfer,
      path: ['processors', p, 'transfers', t],
    })),
  );
}

/** Outside the EEA and without a full adequacy decision (the USA is adequate only through the DPF). */
function needsSafeguard(taxonomy: Taxonomy, country: string): boolean {
  const entry = taxonomy.countries.get(country);
  return entry !== undefined && !entry.eea && entry.adequacy !== 'full';
}

export const privacyShieldTransfer: PolicyCheck = {
  code: 'privacy-shield-transfer',
  severity: 'error or warning',
  description:
    'A transfer relies on the EU–US Privacy Shield (invalid since Schrems II, 16 July 2020): an error when it is the only safeguard, a warning when a valid one is also listed.',
  run(policy, taxonomy) {
    return eachTransfer(policy).flatMap(({ transfer, path }) => {
      const safeguards = transfer.safeguards.map((id) => ({ id, entry: taxonomy.safeguards.get(id) }));
      const valid = safeguards
        .filter(({ entry }) => entry?.valid === true && !entry.unstated)
        .map(({ id }) => id);
      return safeguards.flatMap(({ id, entry }, s): Finding[] => {
        // `not-stated` is not a mechanism at all: transfer-without-safeguard reports it.
        if (entry === undefined || entry.valid || entry.unstated) return [];
        const why = id === 'privacy-shield' ? `the EU–US Privacy Shield, ${SCHREMS_II}` : 'no longer valid';
        const where = `${formatPath(path)}: the transfer to ${transfer.country} relies on '${id}' (${why})`;
        return valid.length > 0
          ? [
              {
                severity: 'warning',
                code: 'privacy-shield-transfer',
                path: [...path, 'safeguards', s],
                message: `${where}; remove it: the transfer rests on ${quoteList(valid)}`,
              },
            ]
          : [
              {
                severity: 'error',
                code: 'privacy-shield-transfer',
                path: [...path, 'safeguards', s],
                message: `${where} and on no valid safeguard; use the EU–US Data Privacy Framework ('dpf', if the recipient is certified), standard contractual clauses ('scc') or another Art 46 safeguard`,
              },
            ];
      });
    });
  },
};

function transfersWithoutSafeguard(policy: TPolicy, taxonomy: Taxonomy): Finding[] {
  return eachTransfer(policy).flatMap(({ transfer, path }): Finding[] => {
    if (!needsSafeguard(taxonomy, transfer.country)) return [];
    const entries = transfer.safeguards.map((id) => taxonomy.safeguards.get(id));
    if (entries.some((entry) => entry === undefined || !entry.unstated)) return [];
    return [
      {
        severity: 'warning',
        code: 'transfer-without-safeguard',
        path: [...path, 'safeguards'],
        message: `${formatPath(path)}: the transfer to ${transfer.country}, outside the EEA without an adequacy decision, names no safeguard (Art 46); state the one it relies on (e.g. 'scc', 'bcr', 'dpf')`,
      },
    ];
  });
}

function processorsWithoutTransfer(policy: TPolicy, taxonomy: Taxonomy): Finding[] {
  return policy.processors.flatMap((processor, p): Finding[] => {
    if (processor.country === 'EEA' || processor.transfers.length > 0) return [];
    if (!needsSafeguard(taxonomy, processor.country)) return [];
    return [
      {
        severity: 'warning',
        code: 'transfer-without-safeguard',
        path: ['processors', p, 'country'],
        message: `processors[${p}] ('${processor.id}') processes data in ${processor.country}, outside the EEA without an adequacy decision, but lists no transfer; add a 'transfers' entry with its safeguard (Art 46)`,
      },
    ];
  });
}

function dpfOutsideUs(policy: TPolicy): Finding[] {
  return eachTransfer(policy).flatMap(({ transfer, path }): Finding[] => {
    const s = transfer.safeguards.indexOf('dpf');
    if (s < 0 || transfer.country === 'US') return [];
    return [
      {
        severity: 'error',
        code: 'transfer-without-safeguard',
        path: [...path, 'safeguards', s],
        message: `${formatPath(path)}: the EU–US Data Privacy Framework ('dpf') only covers transfers to the United States, not to ${transfer.country}; name the safeguard this transfer relies on`,
      },
    ];
  });
}

export const transferWithoutSafeguard: PolicyCheck = {
  code: 'transfer-without-safeguard',
  severity: 'error or warning',
  description:
    "A transfer outside the EEA to a country without adequacy names no safeguard, or a processor located there lists no transfer (warnings); 'dpf' used for a country other than the US (error).",
  run: (policy, taxonomy) => [
    ...transfersWithoutSafeguard(policy, taxonomy),
    ...processorsWithoutTransfer(policy, taxonomy),
    ...dpfOutsideUs(policy),
  ],
};
