/**
 * A consent receipt in the Kantara Initiative Consent Receipt v1.1 shape, built from the policy
 * model at the moment consent is given and kept in the ledger as proof. The subject appears only
 * by its ledger key (`piiPrincipalId`), never by name or address.
 */
import { z } from 'zod';
import type { LoadedPolicy } from '../policy/loaded-policy.ts';
import type { TActivity, TAddress } from '../policy/model.ts';
import { labelOf, textOf } from '../policy/taxonomy/labels.ts';
import type { Language } from '../policy/taxonomy/types.ts';
import type { PurposeRules, PurposeScope } from './purpose-rules.ts';
import type { TChannel } from './types.ts';

export const KANTARA_VERSION = 'KI-CR-v1.1.0';

export const ZConsentReceipt = z.strictObject({
  version: z.literal(KANTARA_VERSION),
  jurisdiction: z.string(),
  /** Seconds since the epoch (UTC), as the specification has it. */
  consentTimestamp: z.number().int(),
  collectionMethod: z.string(),
  consentReceiptID: z.string(),
  publicKey: z.string().optional(),
  language: z.string(),
  piiPrincipalId: z.string(),
  piiControllers: z.array(
    z.strictObject({
      piiController: z.string(),
      onBehalf: z.boolean(),
      contact: z.string(),
      address: z.string(),
      email: z.string(),
      phone: z.string(),
      piiControllerUrl: z.string().optional(),
    }),
  ),
  policyUrl: z.string(),
  services: z.array(
    z.strictObject({
      service: z.string(),
      purposes: z.array(
        z.strictObject({
          purpose: z.string(),
          purposeCategory: z.array(z.string()),
          consentType: z.string(),
          piiCategory: z.array(z.string()),
          primaryPurpose: z.boolean(),
          termination: z.string(),
          thirdPartyDisclosure: z.boolean(),
          thirdPartyName: z.string().optional(),
        }),
      ),
    }),
  ),
  sensitive: z.boolean(),
  spiCat: z.array(z.string()),
});
export type TConsentReceipt = z.infer<typeof ZConsentReceipt>;

const COLLECTION_METHOD: Readonly<Record<TChannel, Record<Language, string>>> = {
  'privacy-center': { fr: 'Centre de confidentialité en ligne', en: 'Online privacy center' },
  'cookie-banner': { fr: 'Bandeau de consentement aux traceurs', en: 'Tracker consent banner' },
  'web-form': { fr: 'Formulaire en ligne', en: 'Web form' },
  api: { fr: "Application de l'organisation", en: "The organisation's application" },
  console: { fr: 'Saisie par un agent', en: 'Recorded by an agent' },
  email: { fr: 'Courrier électronique', en: 'E-mail' },
  postal: { fr: 'Courrier postal', en: 'Postal mail' },
  phone: { fr: 'Téléphone', en: 'Telephone' },
  gpc: { fr: 'Signal Global Privacy Control', en: 'Global Privacy Control signal' },
};

const TERMINATION = {
  fr: (until: string | null) =>
    until === null
      ? "Jusqu'au retrait du consentement, possible à tout moment aussi simplement qu'il a été donné."
      : `Jusqu'au ${until.slice(0, 10)} au plus tard ; retrait possible à tout moment aussi simplement qu'il a été donné.`,
  en: (until: string | null) =>
    until === null
      ? 'Until consent is withdrawn, which can be done at any time as easily as it was given.'
      : `Until ${until.slice(0, 10)} at the latest; it can be withdrawn at any time as easily as it was given.`,
};

function oneLine(address: TAddress | undefined): string {
  if (address === undefined) return '';
  return [
    address.street,
    ...(address.extra ?? []),
    `${address.postalCode} ${address.city}`,
    address.country,
  ].join(', ');
}

export interface ReceiptInput {
  readonly rules: PurposeRules;
  readonly receiptId: string;
  readonly subjectKey: string;
  readonly at: Date;
  readonly expiresAt: Date | null;
  readonly channel: TChannel;
  readonly lang: Language;
  /** Where the notice the subject was shown can be read (the published notice version). */
  readonly policyUrl: string | null;
}

function purposesOf(loaded: LoadedPolicy, scope: PurposeScope, input: ReceiptInput, activity?: TActivity) {
  const { taxonomy } = loaded;
  const lang = input.lang;
  const data = activity?.data.map((d) => d.category) ?? ['cookie-identifier'];
  const external = activity?.recipients?.external ?? [];
  const until = input.expiresAt === null ? null : input.expiresAt.toISOString();
  return scope.purposes.map((purpose, index) => ({
    purpose: labelOf(taxonomy, 'purposes', purpose, lang),
    purposeCategory: [...(taxonomy.purposes.get(purpose)?.dpv ?? [])],
    consentType: 'EXPLICIT',
    piiCategory: data.map((id) => labelOf(taxonomy, 'dataCategories', id, lang)),
    primaryPurpose: index === 0,
    termination: TERMINATION[lang](until),
    thirdPartyDisclosure: external.length > 0,
    ...(external.length > 0
      ? { thirdPartyName: external.map((id) => labelOf(taxonomy, 'recipients', id, lang)).join(', ') }
      : {}),
  }));
}

/** Build the receipt of a consent just given. */
export function buildReceipt(loaded: LoadedPolicy, input: ReceiptInput): TConsentReceipt {
  const { policy, taxonomy } = loaded;
  const org = policy.organisation;
  const lang = input.lang;
  const consentScopes = input.rules.scopes.filter((s) => s.consent.length > 0);
  const services = consentScopes.map((scope) => {
    if (scope.kind === 'activity') {
      const activity = policy.activities.find((a) => a.id === scope.id);
      return {
        service: textOf(activity?.name, lang) || scope.id,
        purposes: purposesOf(loaded, scope, input, activity),
      };
    }
    const category = policy.cookies?.categories.find((c) => c.id === scope.id);
    return { service: textOf(category?.label, lang) || scope.id, purposes: purposesOf(loaded, scope, input) };
  });
  const dataIds = new Set(
    consentScopes.flatMap(
      (s) => policy.activities.find((a) => a.id === s.id)?.data.map((d) => d.category) ?? [],
    ),
  );
  const special = [...dataIds].filter((id) => taxonomy.dataCategories.get(id)?.special === true);
  const contactPoint = org.dpo ?? org.contact;
  const website = org.websites?.[0];
  return {
    version: KANTARA_VERSION,
    jurisdiction: org.contact.address?.country ?? 'EU',
    consentTimestamp: Math.floor(input.at.getTime() / 1000),
    collectionMethod: COLLECTION_METHOD[input.channel][lang],
    consentReceiptID: input.receiptId,
    language: lang,
    piiPrincipalId: input.subjectKey,
    piiControllers: [
      {
        piiController: org.name,
        onBehalf: false,
        contact:
          contactPoint.name ??
          (org.dpo === undefined
            ? org.name
            : lang === 'fr'
              ? 'Délégué à la protection des données'
              : 'Data protection officer'),
        address: oneLine(contactPoint.address ?? org.contact.address),
        email: contactPoint.email ?? org.contact.email ?? '',
        phone: contactPoint.phone ?? org.contact.phone ?? '',
        ...(website === undefined ? {} : { piiControllerUrl: website }),
      },
    ],
    policyUrl: input.policyUrl ?? policy.policy.url ?? website ?? '',
    services,
    sensitive: special.length > 0,
    spiCat: special.map((id) => labelOf(taxonomy, 'dataCategories', id, lang)),
  };
}
