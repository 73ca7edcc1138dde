/**
 * The policy's processors and sub-processors as a list a DPO reviews: where each one processes
 * the data, what it does, for which activities, and for every transfer outside the EEA whether a
 * valid safeguard covers it. The DPO checks' findings about transfers (Privacy Shield, missing
 * safeguard) are attached to the processor they concern.
 */
import type { LoadedPolicy, PolicyIssue } from './loaded-policy.ts';
import type { TProcessor } from './model.ts';
import { countryName, formatAddress } from './render/register/format-contact.ts';
import { isThirdCountry } from './render/register/register-transfers.ts';
import { labelOf, textOf } from './taxonomy/labels.ts';
import type { Language, Taxonomy } from './taxonomy/types.ts';

/**
 * `eea`: the destination is in the EEA (no Chapter V transfer); `adequacy`: an Art 45 decision
 * covers the whole country; `safeguarded`: at least one valid Art 46 safeguard (or the DPF) is
 * listed; `no-valid-safeguard`: none is — only an invalidated one (Privacy Shield), "not stated",
 * or no transfer listed at all for a processor located there.
 */
export type TransferStatus = 'eea' | 'adequacy' | 'safeguarded' | 'no-valid-safeguard';

/** The DPO checks that concern transfers. */
export const TRANSFER_CHECKS = ['privacy-shield-transfer', 'transfer-without-safeguard'] as const;

export interface SafeguardView {
  readonly id: string;
  readonly label: string;
  /** False for a mechanism no longer valid, and for "not stated". */
  readonly valid: boolean;
}

export interface TransferView {
  readonly country: string;
  readonly countryName: string;
  /** Who performs it when it is not the processor itself. */
  readonly by: string | null;
  /** True when the policy lists no transfer but the processor is located in a third country. */
  readonly implied: boolean;
  readonly safeguards: SafeguardView[];
  readonly status: TransferStatus;
}

export interface ProcessorFinding {
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly message: string;
  readonly path: string;
}

export interface ProcessorView {
  readonly id: string;
  readonly name: string;
  readonly entity: string | null;
  readonly role: TProcessor['role'];
  /** ISO 3166 alpha-2, or `EEA`. */
  readonly country: string;
  readonly countryName: string;
  readonly thirdCountry: boolean;
  readonly address: string | null;
  readonly services: { readonly id: string; readonly label: string }[];
  readonly serviceDetails: string | null;
  readonly contract: boolean | null;
  readonly certifications: string[];
  readonly activities: { readonly id: string; readonly name: string }[];
  readonly transfers: TransferView[];
  /** True when a transfer outside the EEA has no valid safeguard. */
  readonly transferWarning: boolean;
  readonly findings: ProcessorFinding[];
}

function safeguardView(id: string, taxonomy: Taxonomy, lang: Language): SafeguardView {
  const entry = taxonomy.safeguards.get(id);
  return {
    id,
    label: labelOf(taxonomy, 'safeguards', id, lang),
    valid: entry?.valid === true && !entry.unstated,
  };
}

/** Whether a transfer to `country` relying on `safeguards` is covered. */
export function transferStatus(
  taxonomy: Taxonomy,
  country: string,
  safeguards: readonly SafeguardView[],
): TransferStatus {
  if (!isThirdCountry(taxonomy, country)) return 'eea';
  if (taxonomy.countries.get(country)?.adequacy === 'full') return 'adequacy';
  return safeguards.some((s) => s.valid) ? 'safeguarded' : 'no-valid-safeguard';
}

function transfersOf(p: TProcessor, taxonomy: Taxonomy, lang: Language): TransferView[] {
  const listed = p.transfers.map((t): TransferView => {
    const safeguards = t.safeguards.map((id) => safeguardView(id, taxonomy, lang));
    return {
      country: t.country,
      countryName: countryName(taxonomy, t.country, lang),
      by: t.by ?? null,
      implied: false,
      safeguards,
      status: transferStatus(taxonomy, t.country, safeguards),
    };
  });
  if (isThirdCountry(taxonomy, p.country) && !p.transfers.some((t) => t.country === p.country)) {
    listed.push({
      country: p.country,
      countryName: countryName(taxonomy, p.country, lang),
      by: null,
      implied: true,
      safeguards: [],
      status: transferStatus(taxonomy, p.country, []),
    });
  }
  return listed;
}

/** `processors[3].transfers[0]` → 3. */
function processorIndex(issue: PolicyIssue): number | undefined {
  const match = /^processors\[(\d+)\]/.exec(issue.path);
  return match === null ? undefined : Number(match[1]);
}

/** Every processor and sub-processor of the policy, in policy order. */
export function listProcessors(loaded: LoadedPolicy, lang: Language): ProcessorView[] {
  const { policy, taxonomy } = loaded;
  const findings = loaded.warnings.filter((issue) =>
    (TRANSFER_CHECKS as readonly string[]).includes(issue.code),
  );
  return policy.processors.map((p, index): ProcessorView => {
    const transfers = transfersOf(p, taxonomy, lang);
    return {
      id: p.id,
      name: p.name,
      entity: p.entity ?? null,
      role: p.role,
      country: p.country,
      countryName: countryName(taxonomy, p.country, lang),
      thirdCountry: isThirdCountry(taxonomy, p.country),
      address: p.address === undefined ? null : formatAddress(p.address, taxonomy, lang),
      services: p.services.map((id) => ({ id, label: labelOf(taxonomy, 'processorServices', id, lang) })),
      serviceDetails: p.serviceDetails === undefined ? null : textOf(p.serviceDetails, lang) || null,
      contract: p.contract ?? null,
      certifications: p.certifications ?? [],
      activities: policy.activities
        .filter((a) => a.processors.includes(p.id))
        .map((a) => ({ id: a.id, name: textOf(a.name, lang) || a.id })),
      transfers,
      transferWarning: transfers.some((t) => t.status === 'no-valid-safeguard'),
      findings: findings
        .filter((issue) => processorIndex(issue) === index)
        .map(({ severity, code, message, path }) => ({ severity, code, message, path })),
    };
  });
}
