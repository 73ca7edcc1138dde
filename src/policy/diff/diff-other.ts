/** Changes to security measures, certifications, breach commitments, cookies and commitments. */
import { describeDuration } from '../render/retention-words.ts';
import { compareDurations } from '../retention/duration.ts';
import { labelOf, textOf } from '../taxonomy/labels.ts';
import type { Language } from '../taxonomy/types.ts';
import { both, change, type DiffContext, inSentence, listDiff, q, sameData } from './change.ts';
import type { PolicyChange } from './types.ts';

const T = {
  fr: {
    measureAdded: (what: string) => `Nouvelle mesure de sécurité : ${what}.`,
    measureRemoved: (what: string) => `Mesure de sécurité retirée : ${what}.`,
    certifications: (a: string, b: string) => `Certifications : ${b} (auparavant : ${a}).`,
    none: 'aucune',
    breachWithin: (a: string, b: string) =>
      `Le délai de notification d'une violation de données à l'autorité de contrôle passe de ${a} à ${b}.`,
    breach: 'Nos engagements en cas de violation de données changent ; ils sont décrits dans la politique.',
    cookiesOn: "Nous utilisons désormais des cookies ou d'autres traceurs.",
    cookiesOff: "Nous n'utilisons plus de cookies ni d'autres traceurs.",
    cookieAdded: (name: string, consent: boolean, life: string) =>
      `Nouvelle catégorie de cookies : ${name} (${consent ? 'soumis à votre consentement' : 'strictement nécessaires, sans consentement'}, durée de vie : ${life}).`,
    cookieRemoved: (name: string) => `Nous n'utilisons plus la catégorie de cookies ${name}.`,
    lifetime: (name: string, a: string, b: string) =>
      `La durée de vie de la catégorie de cookies ${name} passe de ${a} à ${b}.`,
    consentOn: (name: string) =>
      `La catégorie de cookies ${name} est désormais soumise à votre consentement.`,
    consentOff: (name: string) => `La catégorie de cookies ${name} n'est plus soumise à votre consentement.`,
    commitmentAdded: (what: string) => `Nouvel engagement : ${what}.`,
    commitmentRemoved: (what: string) => `Nous retirons l'engagement suivant : ${what}.`,
  },
  en: {
    measureAdded: (what: string) => `New security measure: ${what}.`,
    measureRemoved: (what: string) => `Security measure withdrawn: ${what}.`,
    certifications: (a: string, b: string) => `Certifications: ${b} (previously: ${a}).`,
    none: 'none',
    breachWithin: (a: string, b: string) =>
      `The time to notify a data breach to the supervisory authority changes from ${a} to ${b}.`,
    breach: 'Our commitments in the event of a data breach change; the notice describes them.',
    cookiesOn: 'We now use cookies or other trackers.',
    cookiesOff: 'We no longer use cookies or other trackers.',
    cookieAdded: (name: string, consent: boolean, life: string) =>
      `New category of cookies: ${name} (${consent ? 'subject to your consent' : 'strictly necessary, no consent'}, lifetime: ${life}).`,
    cookieRemoved: (name: string) => `We no longer use the cookie category ${name}.`,
    lifetime: (name: string, a: string, b: string) =>
      `The lifetime of the cookie category ${name} changes from ${a} to ${b}.`,
    consentOn: (name: string) => `The cookie category ${name} now requires your consent.`,
    consentOff: (name: string) => `The cookie category ${name} no longer requires your consent.`,
    commitmentAdded: (what: string) => `New commitment: ${what}.`,
    commitmentRemoved: (what: string) => `Commitment withdrawn: ${what}.`,
  },
} as const;

/** Security measures applied (by measure id) and certifications. */
export function diffSecurity({ old, next }: DiffContext): PolicyChange[] {
  const out: PolicyChange[] = [];
  const applied = (measures: typeof old.policy.security) =>
    measures.filter((m) => m.applied).map((m) => m.measure);
  const { added, removed } = listDiff(applied(old.policy.security), applied(next.policy.security));
  for (const id of added) {
    out.push(
      change(
        'security-measure-added',
        `security:${id}`,
        both((l) => T[l].measureAdded(inSentence(labelOf(next.taxonomy, 'securityMeasures', id, l)))),
      ),
    );
  }
  for (const id of removed) {
    out.push(
      change(
        'security-measure-removed',
        `security:${id}`,
        both((l) => T[l].measureRemoved(inSentence(labelOf(old.taxonomy, 'securityMeasures', id, l)))),
      ),
    );
  }
  const [ca, cb] = [old.policy.certifications ?? [], next.policy.certifications ?? []];
  if ([...ca].sort().join('|') !== [...cb].sort().join('|')) {
    const list = (items: readonly string[], l: Language) =>
      items.length === 0 ? T[l].none : items.join(', ');
    out.push(
      change(
        'certification-changed',
        'certifications',
        both((l) => T[l].certifications(list(ca, l), list(cb, l))),
        { before: ca, after: cb },
      ),
    );
  }
  return out;
}

/** Breach commitments: the notification time limit, then any other difference. */
export function diffBreach({ old, next }: DiffContext): PolicyChange[] {
  const [a, b] = [old.policy.breach, next.policy.breach];
  const out: PolicyChange[] = [];
  const [wa, wb] = [a.notifyAuthority.within, b.notifyAuthority.within];
  if (compareDurations(wa, wb) !== 0) {
    const make = (l: Language) => T[l].breachWithin(describeDuration(wa, l), describeDuration(wb, l));
    out.push(
      change('breach-commitment-changed', 'breach/notify-authority', both(make), { before: wa, after: wb }),
    );
  }
  const rest = (x: typeof a) => ({ ...x, notifyAuthority: { ...x.notifyAuthority, within: '' } });
  if (!sameData(rest(a), rest(b)))
    out.push(
      change(
        'breach-commitment-changed',
        'breach',
        both((l) => T[l].breach),
      ),
    );
  return out;
}

/** Cookies: use, categories (by id), lifetime, consent. */
export function diffCookies({ old, next }: DiffContext): PolicyChange[] {
  const out: PolicyChange[] = [];
  const [a, b] = [old.policy.cookies, next.policy.cookies];
  const [usedA, usedB] = [a?.used === true, b?.used === true];
  if (!usedA && usedB)
    out.push(
      change(
        'cookies-introduced',
        'cookies',
        both((l) => T[l].cookiesOn),
      ),
    );
  if (usedA && !usedB)
    out.push(
      change(
        'cookies-discontinued',
        'cookies',
        both((l) => T[l].cookiesOff),
      ),
    );
  if (!usedB) return out;
  const before = usedA ? (a?.categories ?? []) : [];
  const after = b?.categories ?? [];
  const name = (c: (typeof after)[number], l: Language) => q(textOf(c.label, l), l);
  for (const c of after) {
    const prev = before.find((x) => x.id === c.id);
    const target = `cookies/category:${c.id}`;
    if (prev === undefined) {
      out.push(
        change(
          'cookie-category-added',
          target,
          both((l) => T[l].cookieAdded(name(c, l), c.consent, describeDuration(c.lifetime, l))),
          { after: c.lifetime },
        ),
      );
      continue;
    }
    const cmp = compareDurations(c.lifetime, prev.lifetime);
    if (cmp !== 0) {
      const make = (l: Language) =>
        T[l].lifetime(name(c, l), describeDuration(prev.lifetime, l), describeDuration(c.lifetime, l));
      out.push(
        change(cmp > 0 ? 'cookie-lifetime-longer' : 'cookie-lifetime-shorter', target, both(make), {
          before: prev.lifetime,
          after: c.lifetime,
        }),
      );
    }
    if (!prev.consent && c.consent)
      out.push(
        change(
          'cookie-consent-added',
          target,
          both((l) => T[l].consentOn(name(c, l))),
        ),
      );
    if (prev.consent && !c.consent)
      out.push(
        change(
          'cookie-consent-removed',
          target,
          both((l) => T[l].consentOff(name(c, l))),
        ),
      );
  }
  for (const c of before) {
    if (!after.some((x) => x.id === c.id))
      out.push(
        change(
          'cookie-category-removed',
          `cookies/category:${c.id}`,
          both((l) => T[l].cookieRemoved(name(c, l))),
        ),
      );
  }
  return out;
}

/** Commitments added and withdrawn. */
export function diffCommitments({ old, next }: DiffContext): PolicyChange[] {
  const { added, removed } = listDiff(old.policy.commitments, next.policy.commitments);
  return [
    ...added.map((id) =>
      change(
        'commitment-added',
        `commitment:${id}`,
        both((l) => T[l].commitmentAdded(inSentence(labelOf(next.taxonomy, 'commitments', id, l)))),
      ),
    ),
    ...removed.map((id) =>
      change(
        'commitment-removed',
        `commitment:${id}`,
        both((l) => T[l].commitmentRemoved(inSentence(labelOf(old.taxonomy, 'commitments', id, l)))),
      ),
    ),
  ];
}
