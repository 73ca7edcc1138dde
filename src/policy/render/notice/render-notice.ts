/**
 * The privacy notice a data subject reads, generated from the policy model only, in French or
 * English, as Markdown or as one self-contained HTML page.
 */
import type { LoadedPolicy } from '../../loaded-policy.ts';
import type { Language } from '../../taxonomy/types.ts';
import type { NoticeDocument, Section } from './document.ts';
import { activitiesSection } from './section-activities.ts';
import { controllerSection, dpoSection, noticeLead, noticeTitle } from './section-controller.ts';
import {
  breachSection,
  changesSection,
  commitmentsSection,
  cookiesSection,
  minimumAgeSection,
  securitySection,
} from './section-other.ts';
import { processorsSection } from './section-processors.ts';
import { rightsSection } from './section-rights.ts';
import { colon } from './words.ts';
import { writeHtml } from './write-html.ts';
import { writeMarkdown } from './write-markdown.ts';

export interface NoticeOptions {
  readonly lang: Language;
  readonly format: 'md' | 'html';
}

/** Build the notice as a document: title, lead, then every section in reading order. */
export function buildNotice(loaded: LoadedPolicy, lang: Language): NoticeDocument {
  const { policy, taxonomy } = loaded;
  const sections: (Section | undefined)[] = [
    controllerSection(policy, taxonomy, lang),
    dpoSection(policy, taxonomy, lang),
    activitiesSection(policy, taxonomy, lang),
    processorsSection(policy, taxonomy, lang),
    securitySection(policy, taxonomy, lang),
    rightsSection(policy, taxonomy, lang),
    breachSection(policy, taxonomy, lang),
    cookiesSection(policy, taxonomy, lang),
    minimumAgeSection(policy, lang),
    commitmentsSection(policy, taxonomy, lang),
    changesSection(policy, taxonomy, lang),
  ];
  return {
    lang,
    title: noticeTitle(policy, lang),
    lead: noticeLead(policy, lang),
    sections: sections.filter((s): s is Section => s !== undefined),
  };
}

/**
 * Render the privacy notice of a loaded policy.
 *
 * Every text comes from the policy and its taxonomy and is escaped for the output format;
 * retention rules are written in words ({@link describeRetention}), rights with their article
 * and limits, transfers with their safeguard and a visible warning when it is no longer valid.
 *
 * @param loaded a policy that passed validation, with its taxonomy
 * @param options `lang` of the notice (texts missing in it fall back to the other language) and `format`
 * @returns the Markdown text, or a complete HTML5 document with inline CSS
 */
export function renderNotice(loaded: LoadedPolicy, options: NoticeOptions): string {
  const doc = buildNotice(loaded, options.lang);
  if (options.format === 'html') return writeHtml(doc, options.lang === 'fr' ? 'Sommaire' : 'Contents');
  return writeMarkdown(doc, colon(options.lang));
}
