/** Changes to the organisation: identity, contacts, group, DPO, authority, minimum age, version. */
import type { TContact } from '../model.ts';
import { labelOf } from '../taxonomy/labels.ts';
import type { Language } from '../taxonomy/types.ts';
import { both, change, type DiffContext, listDiff, q, sameData } from './change.ts';
import type { PolicyChange } from './types.ts';

const T = {
  fr: {
    version: (a: string, b: string) => `La politique passe de la version ${a} à la version ${b}.`,
    controller: (a: string, b: string) => `Le responsable du traitement change : ${b} (auparavant ${a}).`,
    contact: 'Nos coordonnées ont changé ; les nouvelles figurent dans la politique.',
    group: (name: string | undefined) =>
      name === undefined
        ? "Nous ne faisons plus partie d'un groupe."
        : `Nous faisons désormais partie du groupe ${name}.`,
    jointAdded: (name: string) => `Nouveau responsable conjoint du traitement : ${name}.`,
    jointRemoved: (name: string) => `${name} n'est plus responsable conjoint du traitement.`,
    representative: "Notre représentant dans l'Union européenne a changé.",
    dpoAdded: (who: string) => `Nous avons désigné un délégué à la protection des données : ${who}.`,
    dpoRemoved: "Nous n'avons plus de délégué à la protection des données désigné.",
    dpoChanged: (who: string) =>
      `Les coordonnées de notre délégué à la protection des données changent : ${who}.`,
    authority: (a: string, b: string) => `L'autorité de contrôle compétente devient ${b} (auparavant ${a}).`,
    age: (a: number | undefined, b: number | undefined) =>
      b === undefined
        ? "Nos services ne fixent plus d'âge minimum."
        : a === undefined
          ? `Nos services sont désormais réservés aux personnes âgées d'au moins ${b} ans.`
          : `L'âge minimum pour utiliser nos services passe de ${a} à ${b} ans.`,
  },
  en: {
    version: (a: string, b: string) => `The notice moves from version ${a} to version ${b}.`,
    controller: (a: string, b: string) => `The controller changes: ${b} (previously ${a}).`,
    contact: 'Our contact details have changed; the new ones are in the notice.',
    group: (name: string | undefined) =>
      name === undefined ? 'We are no longer part of a group.' : `We are now part of the ${name} group.`,
    jointAdded: (name: string) => `New joint controller: ${name}.`,
    jointRemoved: (name: string) => `${name} is no longer a joint controller.`,
    representative: 'Our representative in the European Union has changed.',
    dpoAdded: (who: string) => `We have appointed a data protection officer: ${who}.`,
    dpoRemoved: 'We no longer have a designated data protection officer.',
    dpoChanged: (who: string) => `The contact details of our data protection officer change: ${who}.`,
    authority: (a: string, b: string) =>
      `The competent supervisory authority becomes ${b} (previously ${a}).`,
    age: (a: number | undefined, b: number | undefined) =>
      b === undefined
        ? 'Our services no longer set a minimum age.'
        : a === undefined
          ? `Our services are now intended for people aged ${b} or over.`
          : `The minimum age to use our services changes from ${a} to ${b}.`,
  },
} as const;

const who = (contact: TContact): string =>
  [contact.name, contact.organisation, contact.email, contact.phone]
    .filter((p) => p !== undefined)
    .join(', ');

/** Organisation-level changes, in a fixed order. */
export function diffOrganisation({ old, next }: DiffContext): PolicyChange[] {
  const out: PolicyChange[] = [];
  const a = old.policy.organisation;
  const b = next.policy.organisation;
  const t = (lang: Language) => T[lang];
  if (old.policy.policy.version !== next.policy.policy.version) {
    const [va, vb] = [old.policy.policy.version, next.policy.policy.version];
    out.push(
      change(
        'version-changed',
        'policy',
        both((l) => t(l).version(va, vb)),
        { before: va, after: vb },
      ),
    );
  }
  const identity = (o: typeof a) =>
    [o.name, o.legalForm, o.registration].filter((p) => p !== undefined).join(', ');
  if (identity(a) !== identity(b)) {
    out.push(
      change(
        'controller-changed',
        'organisation',
        both((l) => t(l).controller(identity(a), identity(b))),
        {
          before: identity(a),
          after: identity(b),
        },
      ),
    );
  }
  if (!sameData(a.contact, b.contact))
    out.push(
      change(
        'controller-contact-changed',
        'organisation/contact',
        both((l) => t(l).contact),
      ),
    );
  if (!sameData(a.group, b.group)) {
    out.push(
      change(
        'group-changed',
        'organisation/group',
        both((l) => t(l).group(b.group?.name)),
        { before: a.group?.name, after: b.group?.name },
      ),
    );
  }
  const joint = listDiff(a.jointControllers ?? [], b.jointControllers ?? [], (e) => e.name);
  for (const e of joint.added)
    out.push(
      change(
        'joint-controller-added',
        `organisation/joint:${e.name}`,
        both((l) => t(l).jointAdded(e.name)),
      ),
    );
  for (const e of joint.removed)
    out.push(
      change(
        'joint-controller-removed',
        `organisation/joint:${e.name}`,
        both((l) => t(l).jointRemoved(e.name)),
      ),
    );
  if (!sameData(a.representative, b.representative)) {
    out.push(
      change(
        'representative-changed',
        'organisation/representative',
        both((l) => t(l).representative),
      ),
    );
  }
  if (!sameData(a.dpo, b.dpo)) {
    const message =
      b.dpo === undefined
        ? both((l) => t(l).dpoRemoved)
        : a.dpo === undefined
          ? both((l) => t(l).dpoAdded(who(b.dpo ?? {})))
          : both((l) => t(l).dpoChanged(who(b.dpo ?? {})));
    out.push(change('dpo-changed', 'organisation/dpo', message));
  }
  if (a.supervisoryAuthority !== b.supervisoryAuthority) {
    const name = (l: Language, id: string, loaded: typeof old) =>
      q(labelOf(loaded.taxonomy, 'authorities', id, l), l);
    out.push(
      change(
        'authority-changed',
        'organisation/authority',
        both((l) =>
          t(l).authority(name(l, a.supervisoryAuthority, old), name(l, b.supervisoryAuthority, next)),
        ),
        { before: a.supervisoryAuthority, after: b.supervisoryAuthority },
      ),
    );
  }
  if (a.minimumAge !== b.minimumAge) {
    out.push(
      change(
        'minimum-age-changed',
        'organisation/minimum-age',
        both((l) => t(l).age(a.minimumAge, b.minimumAge)),
        {
          before: a.minimumAge,
          after: b.minimumAge,
        },
      ),
    );
  }
  return out;
}
