/**
 * Seed 001 — Cloud Solutions (Wimi), « Politique relative aux données à caractère personnel des
 * clients / prospects ». Checklist written from the seed text (quoted above each assertion),
 * asserted on the policy as Registre loads it.
 */
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPolicyOrThrow } from '../../src/policy/load-policy.ts';
import type { LoadedPolicy } from '../../src/policy/loaded-policy.ts';
import type { TActivity, TRetentionRule } from '../../src/policy/model.ts';

const POLICY_FILE = fileURLToPath(new URL('../../examples/seeds/001-wimi/policy.yaml', import.meta.url));

let loaded: LoadedPolicy;

beforeAll(async () => {
  loaded = await loadPolicyOrThrow(POLICY_FILE);
});

function activity(id: string): TActivity {
  const found = loaded.policy.activities.find((a) => a.id === id);
  if (found === undefined) throw new Error(`activity ${id} missing from the policy`);
  return found;
}

/** The one retention rule of activity `activityId` covering `category` (for `subject`, when given). */
function ruleFor(activityId: string, category: string, subject?: string): TRetentionRule {
  const a = activity(activityId);
  const hits = a.retention
    .filter((r) => r.data.includes(category))
    .filter((r) => subject === undefined || (r.subjects ?? a.subjects).includes(subject));
  if (hits.length !== 1)
    throw new Error(`expected one rule in ${activityId} for ${category}, found ${hits.length}`);
  return hits[0] as TRetentionRule;
}

function allRules(): TRetentionRule[] {
  return loaded.policy.activities.flatMap((a) => a.retention);
}

function rightsStatement(id: string) {
  const statement = loaded.policy.rights.statements[id];
  if (statement === undefined) throw new Error(`right ${id} missing from the policy`);
  return statement;
}

function bases(a: TActivity, purpose: string): string[] {
  return (a.legalBases ?? [])
    .filter((b) => b.purposes === undefined || b.purposes.includes(purpose))
    .map((b) => b.basis);
}

describe('seed 001 — Cloud Solutions (Wimi)', () => {
  it('identifies the controller, its services, the DPO and the authority', () => {
    const org = loaded.policy.organisation;
    // "Cloud Solutions (ci-après « l'entreprise ») met en œuvre un traitement"
    expect(org.name).toBe('Cloud Solutions');
    expect(org.roles).toEqual(['controller']);
    // "www.wimi-teamwork.com, www.wimi-armoured.com" / "(ex. Wimi, Wimi Armoured)"
    expect(org.websites).toEqual(['https://www.wimi-teamwork.com', 'https://www.wimi-armoured.com']);
    expect(org.brands).toEqual(['Wimi', 'Wimi Armoured']);
    // "la demande est formulée par écrit à l'adresse suivante : 112 Rue Réaumur, 75002 Paris, France"
    expect(org.contact.address).toEqual({
      street: '112 Rue Réaumur',
      postalCode: '75002',
      city: 'Paris',
      country: 'FR',
    });
    // "Nom: Maître Eric Barbry, Cabinet Racine Avocats ; Adresse e-mail : dpo-wimi@racine.eu ; Tél : 01 44 82 43 00"
    expect(org.dpo).toEqual({
      name: 'Maître Eric Barbry',
      organisation: 'Cabinet Racine Avocats',
      email: 'dpo-wimi@racine.eu',
      phone: '01 44 82 43 00',
    });
    // "une autorité de contrôle, à savoir la CNIL"
    expect(org.supervisoryAuthority).toBe('cnil');
    expect(org.languages).toEqual(['fr', 'en']);
    // The seed sets no minimum age and names no group.
    expect(org.minimumAge).toBeUndefined();
    expect(org.group).toBeUndefined();
  });

  it('states no version date and informs of new versions electronically', () => {
    // The seed carries no date.
    expect(loaded.policy.policy.date).toBeUndefined();
    // "Toute nouvelle version [...] portée à la connaissance [...] par tout moyen [...] en ce compris la voie
    // électronique (diffusion par courrier électronique ou en ligne par exemple)."
    expect(loaded.policy.policy.changeNotification).toEqual(
      expect.arrayContaining(['inform-of-changes', 'changes-by-email', 'changes-published-online']),
    );
    // "La présente politique peut être modifiée ou aménagée à tout moment en cas d'évolution légale [...]"
    expect(loaded.policy.commitments).toContain('x-policy-may-change');
  });

  it('collects identification, bank and connection data from forms, prospecting and purchased files', () => {
    const collected = new Set(loaded.policy.activities.flatMap((a) => a.data.map((d) => d.category)));
    // "données d'identification (nom, adresse électronique, téléphone)"
    for (const c of ['name', 'email-address', 'telephone-number']) expect(collected).toContain(c);
    // "données bancaires (si le prospect devient client uniquement)"
    const customer = activity('customer-management');
    expect(customer.data.map((d) => d.category)).toEqual(
      expect.arrayContaining(['payment-card', 'bank-account']),
    );
    expect(activity('commercial-prospecting').data.map((d) => d.category)).not.toContain('payment-card');
    // "données de connexion au service (ex : heure, type d'appareil, langue navigateur, ...)"
    const technical = activity('technical-data').data.map((d) => d.category);
    expect(technical).toEqual(expect.arrayContaining(['connection-log', 'device-information', 'ip-address']));
    // "issues des données collectées par les formulaires [...] via le site web mais également via de la
    // prospection commerciale et de l'achat de base de données client"
    expect(activity('commercial-prospecting').sources).toEqual(
      expect.arrayContaining(['web-form', 'commercial-prospecting', 'data-brokers']),
    );
    // "Les données obligatoires sont [...] signalées dans les formulaires par un astérisque. En leur absence, la
    // prestation liée à cette collecte pourrait ne pas être fournie." — the seed does not say which fields.
    for (const id of ['customer-management', 'commercial-prospecting']) {
      expect(activity(id).mandatoryIndicator).toBe('asterisk');
      expect(activity(id).consequenceOfNotProviding).toBe('service-not-provided');
      expect(activity(id).data.every((d) => d.mandatory === undefined)).toBe(true);
    }
  });

  it('lists the purposes with the only legal basis the seed states', () => {
    const customer = activity('customer-management');
    // "la gestion de l'inscription et de l'abonnement", "la gestion de la comptabilité et des factures",
    // "la gestion des impayés et du contentieux", "enquête de satisfaction", "communication avec le support"…
    expect(customer.purposes).toEqual(
      expect.arrayContaining([
        'account-management',
        'billing',
        'accounting',
        'debt-collection',
        'customer-satisfaction-survey',
        'customer-care',
        'important-service-communications',
        'unsubscription-management',
        'rights-management',
        'service-discovery',
      ]),
    );
    // "Le client est informé que la collecte de ses données [...] est nécessaire à l'exécution du contrat"
    expect(customer.legalBases?.map((b) => b.basis)).toEqual(['contract']);
    // "la gestion de la newsletter", "segmentation et de ciblage" — no basis stated, except for profiling:
    // "la personne concernée donne son consentement explicite à ce que des données soient utilisées à des fins
    // de profilage"
    const prospecting = activity('commercial-prospecting');
    expect(prospecting.subjects).toEqual(expect.arrayContaining(['customer', 'prospect']));
    expect(bases(prospecting, 'profiling-for-marketing')).toEqual(['explicit-consent']);
    expect(bases(prospecting, 'newsletter')).toEqual(['not-stated']);
    expect(bases(prospecting, 'direct-marketing')).toEqual(['not-stated']);
    // "la gestion de la connexion aux services", "la gestion de la conservation des données relative aux
    // obligations légales de sécurité", "l'élaboration de statistiques visant à optimiser les services"
    const technical = activity('technical-data');
    expect(technical.purposes).toEqual(['service-login', 'log-retention-obligation', 'statistics']);
    expect(bases(technical, 'service-login')).toEqual(['contract']);
    expect(bases(technical, 'statistics')).toEqual(['not-stated']);
    expect(bases(technical, 'log-retention-obligation')).toEqual(['not-stated']);
  });

  it('profiles for prospecting with explicit consent and takes no automated decision', () => {
    // "L'entreprise procède à des techniques de profilage à des fins de prospections commerciales."
    expect(activity('commercial-prospecting').automatedDecisions).toEqual({
      automatedDecisionMaking: false,
      profiling: true,
      profilingPurposes: ['profiling-for-marketing'],
      legalBasis: 'explicit-consent',
    });
    const others = loaded.policy.activities.filter((a) => a.id !== 'commercial-prospecting');
    expect(others.every((a) => a.automatedDecisions === undefined)).toBe(true);
  });

  it('limits recipients to the authorised internal and external ones of §8', () => {
    const recipients = activity('customer-management').recipients;
    // "le personnel habilité du service marketing, du service commercial, des services chargés de traiter la
    // relation client et la prospection, des services administratifs, des services logistiques et informatiques
    // ainsi que leurs responsables hiérarchiques ; [...] des services chargés du contrôle (commissaire aux comptes…)"
    expect([...(recipients?.internal ?? [])].sort()).toEqual(
      [
        'administrative-services',
        'control-functions',
        'customer-relations',
        'it-department',
        'line-managers',
        'logistics',
        'marketing-department',
        'sales-department',
      ].sort(),
    );
    // "les partenaires, les sociétés extérieures [...] ; les organismes, les auxiliaires de justice [...] dans le
    // cadre de leur mission de recouvrement de créances ; les sous-traitants [...] le personnel habilité"
    // "les données [...] pourront être communiquées à toute autorité légalement habilitée à en connaître"
    expect(recipients?.external).toEqual(
      expect.arrayContaining([
        'partners',
        'x-external-companies',
        'justice-auxiliaries',
        'processors-staff',
        'authorities',
      ]),
    );
    // Debt recovery only concerns customers: justice auxiliaries do not receive prospecting data.
    expect(activity('commercial-prospecting').recipients?.external).not.toContain('justice-auxiliaries');
    expect(loaded.taxonomy.recipients.get('x-external-companies')?.scope).toBe('external');
  });

  it('keeps customer data for the whole use of the service, then archives proofs under legal holds', () => {
    // "Les données clients sont conservées pendant toute l'utilisation du service WIMI"
    const rule = ruleFor('customer-management', 'email-address', 'customer');
    expect(rule.trigger).toBe('unsubscription');
    expect(rule.duration).toBe('P0D');
    // "Les données permettant d'établir la preuve d'un droit ou d'un contrat, ou conservées au titre du respect
    // d'une obligation légale, font l'objet d'une politique d'archivage intermédiaire pour une durée n'excédant
    // pas la durée nécessaire" — no duration given.
    expect(rule.legalHolds?.map((h) => h.reason).sort()).toEqual([
      'legal-claims',
      'proof-of-contract',
      'x-legal-obligation',
    ]);
    expect(rule.legalHolds?.every((h) => h.duration === undefined)).toBe(true);
    // "Passé les délais fixés, les données sont soit supprimées, soit conservées après avoir été anonymisées,
    // notamment pour des raisons d'usages statistiques."
    expect(rule.endAction).toBe('anonymise');
  });

  it('keeps customer data for prospecting at most 3 years from unsubscription', () => {
    // "Les données des clients sont conservées pour une durée maximum de 3 ans à compter du désabonnement"
    const rule = ruleFor('commercial-prospecting', 'email-address', 'customer');
    expect(rule).toMatchObject({
      trigger: 'unsubscription',
      duration: 'P3Y',
      maximum: true,
      endAction: 'delete',
    });
    expect(rule.archive).toBeUndefined();
  });

  it('keeps prospect data at most 3 years from the last contact coming from the prospect', () => {
    // "Les données des prospects sont conservées pour une durée maximum de 3 ans à compter du dernier contact
    // émanant du prospect."
    const rule = ruleFor('commercial-prospecting', 'name', 'prospect');
    expect(rule).toMatchObject({
      trigger: 'last-contact-from-subject',
      duration: 'P3Y',
      maximum: true,
      endAction: 'delete',
    });
  });

  it('keeps IP addresses and logs one year from the last connection or last use', () => {
    // "Les adresses IP et les logs des clients/prospects sont conservés pour une durée d'un an à compter de la
    // dernière connexion ou de la dernière utilisation du logiciel."
    const rule = ruleFor('technical-data', 'ip-address');
    expect(rule.data).toEqual(expect.arrayContaining(['ip-address', 'connection-log']));
    expect(rule.trigger).toBe('x-last-connection-or-use');
    expect(loaded.taxonomy.triggerEvents.has('x-last-connection-or-use')).toBe(true);
    expect(rule.duration).toBe('P1Y');
    expect(rule.maximum).toBeUndefined();
    expect(rule.endAction).toBe('anonymise');
    expect(activity('technical-data').subjects).toEqual(expect.arrayContaining(['customer', 'prospect']));
  });

  it('deletes bank data at the transaction unless the customer agrees, with a 13-month proof archive', () => {
    // "Les données bancaires sont supprimées, en principe, dès la transaction réalisée, sauf accord exprès du client"
    const rule = ruleFor('customer-management', 'payment-card');
    expect(rule.data).toEqual(expect.arrayContaining(['payment-card', 'bank-account']));
    expect(rule.trigger).toBe('transaction');
    expect(rule.duration).toBe('P0D');
    expect(rule.longerWithConsent).toBe(true);
    // "à des fins de preuve, les données bancaires peuvent être conservées 13 mois en archivage à compter de la
    // date de débit"
    expect(rule.archive).toEqual({
      duration: 'P13M',
      from: 'trigger',
      trigger: 'debit-date',
      reason: 'payment-proof',
      maximum: true,
    });
    expect(rule.endAction).toBe('delete');
  });

  it('keeps cookies 13 months at most and invents no cookie category', () => {
    // "Les cookies peuvent être conservés pour une durée de 13 mois."
    const rule = ruleFor('technical-data', 'cookie-identifier');
    expect(rule).toMatchObject({
      trigger: 'cookie-deposit',
      duration: 'P13M',
      maximum: true,
      endAction: 'delete',
    });
    expect(loaded.policy.cookies?.used).toBe(true);
    expect(loaded.policy.cookies?.categories).toEqual([]);
  });

  it('encodes the nine retention clauses and nothing else', () => {
    // six lines of the §9 table (bank data counting twice: deletion and archive), the intermediate archive and
    // the end action are carried by six rules.
    expect(
      allRules()
        .map((r) => r.id)
        .sort(),
    ).toEqual(
      [
        'bank-data',
        'cookies',
        'customer-data',
        'customer-prospecting-data',
        'prospect-data',
        'technical-logs',
      ].sort(),
    );
    // "Il est rappelé [...] que la suppression ou l'anonymisation sont des opérations irréversibles"
    expect(loaded.policy.commitments).toContain('x-erasure-irreversible');
    // "La durée de conservation des données est définie par l'entreprise au regard des contraintes légales"
    expect(loaded.policy.commitments).toContain('adapt-retention-to-law');
  });

  it('grants confirmation and access under conditions, additional copies charged', () => {
    // "droit de demander à l'entreprise la confirmation que des données le concernant sont ou ne sont pas traitées"
    expect(rightsStatement('confirmation').available).toBe(true);
    // "la demande émane de la personne elle-même et est accompagnée d'une copie d'un titre d'identité, à jour ;
    // la demande est formulée par écrit"
    const access = rightsStatement('access');
    expect(access.available).toBe(true);
    expect([...(access.conditions ?? [])].sort()).toEqual([
      'from-subject-only',
      'identity-document-copy',
      'written-request',
    ]);
    // "ce droit d'accès ne peut porter sur des informations ou données confidentielles ou encore pour lesquelles
    // la loi n'autorise pas la communication" / "ne doit pas être exercé de manière abusive"
    expect([...(access.reasons ?? [])].sort()).toEqual([
      'abusive-repetition',
      'confidential-information',
      'law-forbids-disclosure',
    ]);
    // "en cas de demande de copie supplémentaire, l'entreprise pourra exiger la prise en charge financière"
    expect(loaded.policy.rights.fees).toEqual({
      additionalCopies: 'reasonable-fee',
      manifestlyUnfoundedOrExcessive: 'refuse',
    });
    // "sous une forme électronique d'usage courant, sauf demande contraire"
    expect(loaded.policy.commitments).toContain('x-electronic-copy-on-electronic-request');
    // "112 Rue Réaumur, 75002 Paris, France ou à l'adresse e-mail dpo-wimi@racine.eu"
    const channels = loaded.policy.rights.channels;
    expect(channels).toContainEqual({ kind: 'email', value: 'dpo-wimi@racine.eu' });
    expect(channels).toContainEqual({
      kind: 'postal',
      address: { street: '112 Rue Réaumur', postalCode: '75002', city: 'Paris', country: 'FR' },
    });
    // No response time is promised: Art 12(3) applies.
    expect(loaded.policy.rights.responseTime).toBeUndefined();
  });

  it('limits rectification to substantial changes and binds subjects to answer updates', () => {
    // "seules des modifications substantielles sur l'état civil, l'identité et les coordonnées [...] seront réalisées"
    expect(rightsStatement('rectification')).toMatchObject({
      available: true,
      reasons: ['substantial-changes-only'],
    });
    // "celle-ci pourra solliciter les clients et prospects qui auront pour obligation de satisfaire aux demandes"
    // "En cas de modification des informations [...] par l'entreprise, ces derniers en seront spontanément informés."
    expect(loaded.policy.commitments).toEqual(
      expect.arrayContaining(['subject-must-answer-update-requests', 'notify-subject-of-modifications']),
    );
  });

  it('limits erasure to the Art 17 grounds, never against a legal obligation, identity checked', () => {
    // "ne sera pas applicable dans les cas où le traitement est mis en œuvre pour répondre une obligation légale"
    // "pourront demander l'effacement de leurs données dans les cas limitatifs suivants"
    const erasure = rightsStatement('erasure');
    expect(erasure.available).toBe(true);
    expect([...(erasure.reasons ?? [])].sort()).toEqual(['art17-grounds-only', 'legal-obligation']);
    // "droit individuel qui ne peut être exercé que par la personne concernée [...] vérifier votre identité"
    expect([...(erasure.conditions ?? [])].sort()).toEqual(['from-subject-only', 'identity-verification']);
    // Grounds of erasure that presuppose objection and withdrawal: "s'oppose à un traitement nécessaire aux fins
    // des intérêts légitimes [...] pas de motif légitime impérieux", "s'oppose [...] à des fins de prospection",
    // "retire le consentement"
    expect(rightsStatement('objection')).toMatchObject({
      available: true,
      reasons: ['compelling-legitimate-grounds'],
    });
    expect(rightsStatement('objection-direct-marketing').available).toBe(true);
    expect(rightsStatement('withdraw-consent').available).toBe(true);
  });

  it('refuses restriction with its reason', () => {
    // "ne disposent pas du droit à la limitation [...] dans la mesure où le traitement opéré par l'entreprise est
    // licite et que toutes les données [...] sont nécessaires à l'exécution du contrat commercial"
    expect(rightsStatement('restriction')).toEqual({
      available: false,
      reasons: ['lawful-and-necessary-for-contract'],
    });
  });

  it('limits portability to form data provided by the customer at the end of the relationship', () => {
    // "Lors de la rupture des relations commerciales [...] sur les seules données qu'ils ont eux-mêmes communiqué
    // [...] uniquement pour les données collectées par l'intermédiaire du formulaire en ligne"
    const portability = rightsStatement('portability');
    expect(portability.available).toBe(true);
    expect([...(portability.reasons ?? [])].sort()).toEqual([
      'end-of-relationship-only',
      'online-form-data-only',
      'provided-data-only',
    ]);
    expect(activity('customer-management').sources).toContain('web-form');
  });

  it('takes post-mortem directives by e-mail or post with a signed ID copy', () => {
    // "par courrier électronique à l'adresse dpo-wimi@racine.eu ou par courrier postal à l'adresse suivante 112 Rue
    // Réaumur, 75002 Paris, France, accompagné d'une copie d'un titre d'identité signé"
    const postMortem = loaded.policy.rights.postMortem;
    expect(postMortem?.available).toBe(true);
    expect(postMortem?.conditions).toEqual(['signed-identity-document-copy']);
    expect(postMortem?.channels).toContainEqual({ kind: 'email', value: 'dpo-wimi@racine.eu' });
    expect(postMortem?.channels?.find((c) => c.kind === 'postal')?.address?.street).toBe('112 Rue Réaumur');
  });

  it('gives the CNIL complaint address exactly as the seed does', () => {
    // "CNIL – Service des plaintes / 3 Place de Fontenoy - TSA 80715 - 75334 PARIS CEDEX 07 / Tél : 01 53 73 22 22"
    const complaint = loaded.policy.rights.complaint;
    expect(complaint.authority).toBe('cnil');
    expect(complaint.contact?.organisation).toBe('CNIL – Service des plaintes');
    expect(complaint.contact?.phone).toBe('01 53 73 22 22');
    expect(complaint.contact?.address).toEqual({
      street: '3 Place de Fontenoy',
      extra: ['TSA 80715'],
      postalCode: '75334',
      city: 'PARIS CEDEX 07',
      country: 'FR',
    });
    // "vous pouvez consulter le site de la CNIL à l'adresse www.cnil.fr"
    expect(complaint.contact?.website).toBe('https://www.cnil.fr');
  });

  it('notifies breaches to the CNIL, and subjects on high risk when the data were not protected', () => {
    // "l'entreprise s'engage à en notifier à la CNIL dans les conditions prescrites par le RGPD"
    expect(loaded.policy.breach.notifyAuthority).toEqual({ within: 'PT72H', authority: 'cnil' });
    // "Si ladite violation fait porter un risque élevé [...] et que les données n'ont pas été protégées, [...] en
    // avisera les clients et prospects concernés ; communiquera [...] les informations et recommandations nécessaires"
    expect(loaded.policy.breach.notifySubjects?.when).toBe('high-risk-unless-protected');
    expect(loaded.policy.breach.notifySubjects?.content).toContain('recommendations');
  });

  it('applies the security measures of §8 and §20', () => {
    const applied = loaded.policy.security.filter((m) => m.applied).map((m) => m.measure);
    // "gestion des habilitations", "protocole de cryptage de type SSL", "centres de données situés en France",
    // "Tous les accès à l'infrastructure se font via VPN", "liste blanche d'adresses Ips", "clé RSA 4096",
    // "Application régulière et systématique de patches de sécurité", "audits de vulnérabilité ou des tests
    // d'intrusion", "imposer contractuellement à ses sous-traitants des garanties de sécurité",
    // "Tous les accès [...] font l'objet d'une mesure de traçabilité", "obligation de confidentialité spécifique"
    expect(applied).toEqual(
      expect.arrayContaining([
        'authorisation-management',
        'encryption-in-transit',
        'hosting-in-france',
        'vpn-access',
        'ip-allowlist',
        'strong-key-authentication',
        'patch-management',
        'security-audits',
        'penetration-testing',
        'processor-security-clauses',
        'access-logging',
        'confidentiality-obligation',
        'authorisation-review',
        'incident-reporting-by-staff',
      ]),
    );
    // The seed states no measure as not applied.
    expect(loaded.policy.security.every((m) => m.applied)).toBe(true);
    expect(loaded.policy.certifications).toBeUndefined();
  });

  it('names no processor and no transfer outside the EEA', () => {
    // "l'entreprise [...] pourra faire intervenir tout sous-traitant de son choix" — none is named.
    expect(loaded.policy.processors).toEqual([]);
    // "l'entreprise ne faisant appel qu'à des sous-traitants respectueux des règles [...] du RGPD"
    expect(loaded.policy.commitments).toContain('processors-gdpr-compliant');
  });

  it('records the other commitments of §4, §8, §18, §20', () => {
    expect(loaded.policy.commitments).toEqual(
      expect.arrayContaining([
        // §4 "Aucun traitement n'est mis en œuvre [...] s'il ne porte pas sur des données [...] collectées par ou
        // pour nos services [...] et s'il ne répond pas aux principes généraux du RGPD."
        'x-processing-limited-to-service-data',
        // §8 "La politique d'habilitation est régulièrement mise à jour"
        'authorisation-policy-updated',
        // §8 "L'entreprise n'est en aucun cas responsable des dommages [...] d'un accès illicite"
        'no-liability-for-unlawful-access',
        // §8 "il a pour obligation de prévenir sans délai le service compétent"
        'staff-report-excess-access',
        // §8 "Tous les accès [...] font l'objet d'une mesure de traçabilité."
        'all-access-traced',
        // §8 "communiquées à toute autorité légalement habilitée [...] l'entreprise n'est pas responsable des
        // conditions dans lesquelles les personnels de ces autorités ont accès"
        'disclosure-to-authorities',
        'controller-not-liable-for-authority-access',
        // §18 "un droit d'usage et de traitement [...] les données enrichies [...] demeurent la propriété exclusive"
        'x-usage-right-for-stated-purposes',
        'enriched-data-ownership',
        // §20 "les salariés seront informés préalablement à la réalisation de ces audits"
        'staff-informed-before-audits',
        // §20 "Aucune évolution ne pourra conduire à une régression du niveau de sécurité."
        'no-security-regression',
      ]),
    );
  });

  it('raises the warnings the seed deserves, and no transfer warning', () => {
    const warnings = loaded.warnings;
    // No legal basis is stated for prospecting (only profiling rests on "consentement explicite") nor for the
    // "obligations légales de sécurité" and the statistics: one finding per unstated basis.
    expect(
      warnings
        .filter((w) => w.code === 'legal-basis-not-stated')
        .map((w) => w.path)
        .sort(),
    ).toEqual(['activities[1].legalBases[1].basis', 'activities[2].legalBases[1].basis']);
    // "Le client est informé que la collecte [...] est nécessaire à l'exécution du contrat": no finding there.
    expect(warnings.some((w) => w.path.startsWith('activities[0]'))).toBe(false);
    // No processor and no transfer is named, hence no Privacy Shield or unstated-safeguard finding.
    const codes = warnings.map((w) => w.code);
    expect(codes).not.toContain('privacy-shield-transfer');
    expect(codes).not.toContain('transfer-without-safeguard');
    // Every retention rule of an activity is present and the archive of bank data has its own trigger.
    expect(codes).not.toContain('activity-without-retention');
    expect(codes).not.toContain('archive-shorter-than-active');
  });
});
