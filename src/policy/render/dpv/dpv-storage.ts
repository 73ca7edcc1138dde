/**
 * Retention rules as DPV storage conditions: one `dpv:StorageDuration` per phase (active phase,
 * intermediate archive, legal hold with a duration), each naming the personal data it covers and
 * carrying its duration as an ISO 8601 `xsd:duration` value (`rdf:value`), or a
 * `dpv:UntilEventDuration` when the phase lasts until its trigger event.
 */
import type { TActivity } from '../../model.ts';
import { isZeroDuration, parseDuration } from '../../retention/duration.ts';
import type { Language, Taxonomy } from '../../taxonomy/types.ts';
import { describeRetention } from '../retention-words.ts';
import { type JsonLdNode, termRefs, texts } from './dpv-terms.ts';

/**
 * An ISO 8601 duration as a valid `xsd:duration` lexical form: xsd:duration has no week unit, so
 * weeks become days (`P4W` → `P28D`).
 */
export function toXsdDuration(iso: string): string {
  const d = parseDuration(iso);
  const days = d.weeks * 7 + d.days;
  let out = 'P';
  if (d.years) out += `${d.years}Y`;
  if (d.months) out += `${d.months}M`;
  if (days) out += `${days}D`;
  if (d.hours) out += `T${d.hours}H`;
  return out === 'P' ? 'P0D' : out;
}

function durationNode(
  iri: string,
  iso: string,
  event: string,
  taxonomy: Taxonomy,
  languages: readonly Language[],
): JsonLdNode {
  const eventLabel = taxonomy.triggerEvents.get(event)?.label;
  if (isZeroDuration(parseDuration(iso))) {
    return { '@id': iri, '@type': 'dpv:UntilEventDuration', 'rdfs:label': texts(eventLabel, languages) };
  }
  return {
    '@id': iri,
    '@type': 'dpv:TemporalDuration',
    'rdf:value': { '@value': toXsdDuration(iso), '@type': 'xsd:duration' },
    'rdfs:comment': texts(eventLabel, languages),
  };
}

/** The storage conditions of an activity's retention rules. */
export function storageConditions(
  baseIri: string,
  activityIri: string,
  activity: TActivity,
  taxonomy: Taxonomy,
  languages: readonly Language[],
): JsonLdNode[] {
  const out: JsonLdNode[] = [];
  for (const rule of activity.retention) {
    const base = `${activityIri}:retention:${rule.id}`;
    const data = termRefs(baseIri, taxonomy, 'dataCategories', rule.data, languages);
    out.push({
      '@id': base,
      '@type': 'dpv:StorageDuration',
      'rdfs:label': texts(rule.label, languages),
      'rdfs:comment': languages.map((lang) => ({
        '@value': describeRetention(rule, taxonomy, lang),
        '@language': lang,
      })),
      'dpv:hasPersonalData': data,
      'dpv:hasDuration': durationNode(`${base}:active`, rule.duration, rule.trigger, taxonomy, languages),
    });
    if (rule.archive !== undefined) {
      const from = rule.archive.trigger ?? rule.trigger;
      out.push({
        '@id': `${base}:archive`,
        '@type': 'dpv:StorageDuration',
        'rdfs:label': texts(taxonomy.retentionReasons.get(rule.archive.reason)?.label, languages),
        'dpv:hasPersonalData': data,
        'dpv:hasDuration': durationNode(
          `${base}:archive:duration`,
          rule.archive.duration,
          from,
          taxonomy,
          languages,
        ),
      });
    }
    (rule.legalHolds ?? []).forEach((hold, index) => {
      if (hold.duration === undefined) return;
      out.push({
        '@id': `${base}:hold:${index + 1}`,
        '@type': 'dpv:StorageDuration',
        'rdfs:label': texts(taxonomy.retentionReasons.get(hold.reason)?.label, languages),
        ...(hold.reference === undefined ? {} : { 'rdfs:comment': hold.reference }),
        'dpv:hasPersonalData': data,
        'dpv:hasDuration': durationNode(
          `${base}:hold:${index + 1}:duration`,
          hold.duration,
          rule.trigger,
          taxonomy,
          languages,
        ),
      });
    });
  }
  return out;
}
