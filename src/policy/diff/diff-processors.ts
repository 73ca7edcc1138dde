/** Changes to processors (matched by id): added, removed, moved, services, transfers and their safeguards. */
import type { TProcessor } from '../model.ts';
import { countryName } from '../render/notice/words.ts';
import { labelOf, textOf } from '../taxonomy/labels.ts';
import type { Language, Taxonomy } from '../taxonomy/types.ts';
import { both, change, type DiffContext, inSentence, listDiff, q } from './change.ts';
import type { PolicyChange } from './types.ts';

type Transfer = TProcessor['transfers'][number];

const T = {
  fr: {
    added: (name: string, details: string, usage: string) =>
      `Nouveau sous-traitant : ${name} (${details})${usage}.`,
    usage: (names: readonly string[]) =>
      names.length === 1
        ? ` pour le traitement ${names[0]}`
        : ` pour les traitements ${names.slice(0, -1).join(', ')} et ${names.at(-1)}`,
    outsideEea: "transfert hors de l'EEE : ",
    removed: (name: string) => `${name} n'est plus notre sous-traitant.`,
    moved: (name: string, a: string, b: string) =>
      `Pays de traitement du sous-traitant ${name} : ${b} (auparavant : ${a}).`,
    services: (name: string, what: string) => `Le service fourni par ${name} change : ${what}.`,
    transferAdded: (name: string, what: string) => `Nouveau transfert hors de l'EEE par ${name} : ${what}.`,
    transferRemoved: (name: string, country: string) =>
      `${name} ne transfère plus de données hors de l'EEE vers le pays suivant : ${country}.`,
    safeguard: (name: string, country: string, a: string, b: string) =>
      `La garantie du transfert de données par ${name} (${country}) change : ${b} (auparavant : ${a}).`,
    invalid: (what: string) => ` Attention : ${what} n'est pas une garantie valide.`,
  },
  en: {
    added: (name: string, details: string, usage: string) => `New processor: ${name} (${details})${usage}.`,
    usage: (names: readonly string[]) =>
      names.length === 1 ? ` for ${names[0]}` : ` for ${names.slice(0, -1).join(', ')} and ${names.at(-1)}`,
    outsideEea: 'transfer outside the EEA: ',
    removed: (name: string) => `${name} is no longer one of our processors.`,
    moved: (name: string, a: string, b: string) =>
      `Country where ${name} processes the data: ${b} (previously: ${a}).`,
    services: (name: string, what: string) => `The service ${name} provides changes: ${what}.`,
    transferAdded: (name: string, what: string) => `New transfer outside the EEA by ${name}: ${what}.`,
    transferRemoved: (name: string, country: string) =>
      `${name} no longer transfers data outside the EEA to: ${country}.`,
    safeguard: (name: string, country: string, a: string, b: string) =>
      `The safeguard for the transfer of data by ${name} (${country}) changes: ${b} (previously: ${a}).`,
    invalid: (what: string) => ` Warning: ${what} is not a valid safeguard.`,
  },
} as const;

const safeguards = (taxonomy: Taxonomy, ids: readonly string[], lang: Language): string =>
  ids.map((id) => inSentence(labelOf(taxonomy, 'safeguards', id, lang))).join(', ');

const transferText = (taxonomy: Taxonomy, t: Transfer, lang: Language): string =>
  `${countryName(taxonomy, t.country, lang)} (${safeguards(taxonomy, t.safeguards, lang)})`;

/** "États-Unis, clauses contractuelles types" or "Espace économique européen, transfert hors de l'EEE : États-Unis (…)". */
function details(taxonomy: Taxonomy, p: TProcessor, lang: Language): string {
  const parts = [countryName(taxonomy, p.country, lang)];
  for (const t of p.transfers) {
    parts.push(
      t.country === p.country
        ? safeguards(taxonomy, t.safeguards, lang)
        : T[lang].outsideEea + transferText(taxonomy, t, lang),
    );
  }
  return parts.join(', ');
}

function compareProcessor(ctx: DiffContext, a: TProcessor, b: TProcessor): PolicyChange[] {
  const out: PolicyChange[] = [];
  const [ta, tb] = [ctx.old.taxonomy, ctx.next.taxonomy];
  const target = `processor:${b.id}`;
  if (a.country !== b.country) {
    const message = both((l) =>
      T[l].moved(b.name, countryName(ta, a.country, l), countryName(tb, b.country, l)),
    );
    out.push(change('processor-moved', target, message, { before: a.country, after: b.country }));
  }
  if ([...a.services].sort().join() !== [...b.services].sort().join()) {
    const what = (l: Language) =>
      b.services.map((id) => inSentence(labelOf(tb, 'processorServices', id, l))).join(', ');
    out.push(
      change(
        'processor-service-changed',
        target,
        both((l) => T[l].services(b.name, what(l))),
        { before: a.services, after: b.services },
      ),
    );
  }
  const transfers = listDiff(a.transfers, b.transfers, (t) => t.country);
  for (const t of transfers.added) {
    out.push(
      change(
        'transfer-added',
        `${target}/transfer:${t.country}`,
        both((l) => T[l].transferAdded(b.name, transferText(tb, t, l))),
        { after: t.safeguards },
      ),
    );
  }
  for (const t of b.transfers) {
    const before = a.transfers.find((x) => x.country === t.country);
    if (before === undefined || [...before.safeguards].sort().join() === [...t.safeguards].sort().join())
      continue;
    const newOnes = t.safeguards.filter((id) => !before.safeguards.includes(id));
    const weak = newOnes.filter((id) => tb.safeguards.get(id)?.valid === false);
    const make = (l: Language) => {
      const base = T[l].safeguard(
        b.name,
        countryName(tb, t.country, l),
        safeguards(ta, before.safeguards, l),
        safeguards(tb, t.safeguards, l),
      );
      return weak.length === 0 ? base : base + T[l].invalid(q(safeguards(tb, weak, l), l));
    };
    out.push(
      change(
        weak.length > 0 ? 'transfer-safeguard-weakened' : 'transfer-safeguard-changed',
        `${target}/transfer:${t.country}`,
        both(make),
        {
          before: before.safeguards,
          after: t.safeguards,
        },
      ),
    );
  }
  for (const t of transfers.removed) {
    out.push(
      change(
        'transfer-removed',
        `${target}/transfer:${t.country}`,
        both((l) => T[l].transferRemoved(a.name, countryName(ta, t.country, l))),
      ),
    );
  }
  return out;
}

/** Processors added (new order), changed, then removed (old order). */
export function diffProcessors(ctx: DiffContext): PolicyChange[] {
  const out: PolicyChange[] = [];
  const tb = ctx.next.taxonomy;
  const oldById = new Map(ctx.old.policy.processors.map((p) => [p.id, p]));
  for (const p of ctx.next.policy.processors) {
    const before = oldById.get(p.id);
    if (before !== undefined) {
      out.push(...compareProcessor(ctx, before, p));
      continue;
    }
    const users = ctx.next.policy.activities.filter((a) => a.processors.includes(p.id));
    const usage = (l: Language) =>
      users.length > 0
        ? T[l].usage(users.map((a) => q(textOf(a.name, l), l)))
        : ` – ${p.services.map((id) => inSentence(labelOf(tb, 'processorServices', id, l))).join(', ')}`;
    const message = both((l) => T[l].added(p.name, details(tb, p, l), usage(l)));
    out.push(
      change('processor-added', `processor:${p.id}`, message, {
        after: { country: p.country, transfers: p.transfers },
      }),
    );
  }
  const { removed } = listDiff(ctx.old.policy.processors, ctx.next.policy.processors, (p) => p.id);
  for (const p of removed)
    out.push(
      change(
        'processor-removed',
        `processor:${p.id}`,
        both((l) => T[l].removed(p.name)),
      ),
    );
  return out;
}
