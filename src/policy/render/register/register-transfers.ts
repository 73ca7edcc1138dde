/**
 * Processors, recipients in third countries and transfers of one activity, for the register.
 *
 * A transfer is either one the policy lists on a processor (with its safeguards), or implied by a
 * processor that processes the data in a third country without listing that transfer: the register
 * then shows the Art 45 adequacy decision when the country has a full one, and "not stated" otherwise.
 */
import type { TActivity, TPolicy, TProcessor } from '../../model.ts';
import { labelOf } from '../../taxonomy/labels.ts';
import type { Language, Taxonomy } from '../../taxonomy/types.ts';
import { countryName, formatAddress } from './format-contact.ts';
import { labels, unique } from './register-cells.ts';
import { REGISTER_WORDS } from './register-words.ts';

/** The processors an activity uses, in the order the activity lists them (unknown ids are skipped). */
export function processorsOf(policy: TPolicy, activity: TActivity): TProcessor[] {
  const byId = new Map(policy.processors.map((p) => [p.id, p]));
  return activity.processors.flatMap((id) => {
    const p = byId.get(id);
    return p === undefined ? [] : [p];
  });
}

/** True for a country outside the EEA (an unknown code counts as a third country). */
export function isThirdCountry(taxonomy: Taxonomy, code: string): boolean {
  return code !== 'EEA' && taxonomy.countries.get(code)?.eea !== true;
}

/** A processor on one line: name, contracting entity, where it is, what it does. */
export function describeProcessor(p: TProcessor, taxonomy: Taxonomy, lang: Language): string {
  const w = REGISTER_WORDS[lang];
  const name = p.entity === undefined ? p.name : `${p.name} (${p.entity})`;
  const where =
    p.address === undefined
      ? countryName(taxonomy, p.country, lang)
      : p.address.country === p.country
        ? formatAddress(p.address, taxonomy, lang)
        : `${formatAddress(p.address, taxonomy, lang)} — ${countryName(taxonomy, p.country, lang)}`;
  const services = labels(taxonomy, 'processorServices', p.services, lang).join(', ');
  return `${name}, ${where}${w.colon}${services}`;
}

function describeSafeguard(id: string, taxonomy: Taxonomy, lang: Language): string {
  const entry = taxonomy.safeguards.get(id);
  const label = labelOf(taxonomy, 'safeguards', id, lang);
  if (entry === undefined || entry.unstated) return label;
  // An invalidated mechanism (Privacy Shield) is named as such, without the article it once rested on.
  if (!entry.valid) return `${label} (${REGISTER_WORDS[lang].invalidSafeguard})`;
  const article =
    entry.article === undefined || !/^\d/.test(entry.article) || label.includes(entry.article)
      ? ''
      : ` (art. ${entry.article})`;
  return `${label}${article}`;
}

/** Transfers outside the EEA with their safeguards: "Country — importer: safeguards". */
export function describeTransfers(
  processors: readonly TProcessor[],
  taxonomy: Taxonomy,
  lang: Language,
): string[] {
  const w = REGISTER_WORDS[lang];
  const out: string[] = [];
  for (const p of processors) {
    for (const t of p.transfers) {
      const importer = t.by === undefined ? p.name : `${p.name} (${w.by} ${t.by})`;
      const safeguards = t.safeguards.map((s) => describeSafeguard(s, taxonomy, lang)).join(', ');
      out.push(`${countryName(taxonomy, t.country, lang)} — ${importer}${w.colon}${safeguards}`);
    }
    if (isThirdCountry(taxonomy, p.country) && !p.transfers.some((t) => t.country === p.country)) {
      const adequacy = taxonomy.countries.get(p.country)?.adequacy === 'full';
      const safeguard = adequacy ? describeSafeguard('adequacy', taxonomy, lang) : w.notStated;
      out.push(
        `${countryName(taxonomy, p.country, lang)} — ${p.name} (${w.impliedTransfer})${w.colon}${safeguard}`,
      );
    }
  }
  return unique(out);
}

/** Recipients located in a third country: processors there and the importers of listed transfers. */
export function thirdCountryRecipients(
  processors: readonly TProcessor[],
  taxonomy: Taxonomy,
  lang: Language,
): string[] {
  const out: string[] = [];
  for (const p of processors) {
    if (isThirdCountry(taxonomy, p.country))
      out.push(`${p.name} (${countryName(taxonomy, p.country, lang)})`);
    for (const t of p.transfers) {
      out.push(`${t.by ?? p.name} (${countryName(taxonomy, t.country, lang)})`);
    }
  }
  return unique(out);
}
