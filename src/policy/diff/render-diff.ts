/** The changes between two policy versions as Markdown, plain text or JSON. */

import { escapeMarkdown } from '../render/escape.ts';
import type { Language } from '../taxonomy/types.ts';
import type { PolicyChange } from './types.ts';

export interface DiffRenderOptions {
  readonly lang: Language;
  readonly format: 'md' | 'text' | 'json';
}

const T = {
  fr: {
    title: 'Modifications de la politique de confidentialité',
    major: 'Changements importants',
    majorNote: 'Ces changements doivent vous être signalés.',
    minor: 'Autres changements',
    none: 'Aucun changement.',
  },
  en: {
    title: 'Changes to the privacy notice',
    major: 'Important changes',
    majorNote: 'You should be told about these changes.',
    minor: 'Other changes',
    none: 'No changes.',
  },
} as const;

/**
 * Render changes from {@link diffPolicies}: important changes first, then the others, each
 * group in the order given. `json` gives an array of `{kind, importance, target, message,
 * before?, after?}` with the message in the requested language.
 */
export function renderDiff(changes: readonly PolicyChange[], options: DiffRenderOptions): string {
  const { lang, format } = options;
  if (format === 'json') {
    const items = changes.map((c) => ({
      kind: c.kind,
      importance: c.importance,
      target: c.target,
      message: c.message[lang],
      ...(c.before === undefined ? {} : { before: c.before }),
      ...(c.after === undefined ? {} : { after: c.after }),
    }));
    return `${JSON.stringify(items, null, 2)}\n`;
  }
  const t = T[lang];
  const major = changes.filter((c) => c.importance === 'major');
  const minor = changes.filter((c) => c.importance === 'minor');
  if (format === 'text') {
    const lines = [t.title, ''];
    if (changes.length === 0) lines.push(t.none);
    if (major.length > 0)
      lines.push(`${t.major} (${major.length})`, ...major.map((c) => `  * ${c.message[lang]}`));
    if (major.length > 0 && minor.length > 0) lines.push('');
    if (minor.length > 0)
      lines.push(`${t.minor} (${minor.length})`, ...minor.map((c) => `  - ${c.message[lang]}`));
    return `${lines.join('\n')}\n`;
  }
  const parts = [`# ${escapeMarkdown(t.title)}`];
  if (changes.length === 0) parts.push(t.none);
  if (major.length > 0) {
    parts.push(
      `## ${t.major}`,
      t.majorNote,
      major.map((c) => `- ${escapeMarkdown(c.message[lang])} \`${c.kind}\``).join('\n'),
    );
  }
  if (minor.length > 0)
    parts.push(
      `## ${t.minor}`,
      minor.map((c) => `- ${escapeMarkdown(c.message[lang])} \`${c.kind}\``).join('\n'),
    );
  return `${parts.join('\n\n')}\n`;
}
