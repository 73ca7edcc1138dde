import { describe, expect, it } from 'vitest';
import { change } from './change.ts';
import { renderDiff } from './render-diff.ts';
import type { PolicyChange } from './types.ts';

const changes: PolicyChange[] = [
  change('version-changed', 'policy', {
    fr: 'La politique passe de la version 1 à la version 2.',
    en: 'Version 1 to 2.',
  }),
  change(
    'retention-longer',
    'activity:logs/retention:technical-logs',
    {
      fr: 'La durée de conservation des journaux *techniques* passe de 6 mois à 12 mois.',
      en: 'Logs: 6 to 12 months.',
    },
    { before: 'P6M', after: 'P12M' },
  ),
  change('processor-added', 'processor:zoom', {
    fr: 'Nouveau sous-traitant : Zoom.',
    en: 'New processor: Zoom.',
  }),
];

describe('renderDiff', () => {
  it('Markdown: important changes first, each with its kind, text escaped', () => {
    const md = renderDiff(changes, { lang: 'fr', format: 'md' });
    expect(md).toBe(
      [
        '# Modifications de la politique de confidentialité',
        '',
        '## Changements importants',
        '',
        'Ces changements doivent vous être signalés.',
        '',
        '- La durée de conservation des journaux \\*techniques\\* passe de 6 mois à 12 mois. `retention-longer`',
        '- Nouveau sous-traitant : Zoom. `processor-added`',
        '',
        '## Autres changements',
        '',
        '- La politique passe de la version 1 à la version 2. `version-changed`',
        '',
      ].join('\n'),
    );
  });

  it('plain text in English, grouped with counts', () => {
    const text = renderDiff(changes, { lang: 'en', format: 'text' });
    expect(text).toBe(
      [
        'Changes to the privacy notice',
        '',
        'Important changes (2)',
        '  * Logs: 6 to 12 months.',
        '  * New processor: Zoom.',
        '',
        'Other changes (1)',
        '  - Version 1 to 2.',
        '',
      ].join('\n'),
    );
  });

  it('JSON keeps the order given, the message in the language, and before/after when known', () => {
    const parsed = JSON.parse(renderDiff(changes, { lang: 'en', format: 'json' })) as Record<
      string,
      unknown
    >[];
    expect(parsed.map((c) => c.kind)).toEqual(['version-changed', 'retention-longer', 'processor-added']);
    expect(parsed[1]).toEqual({
      kind: 'retention-longer',
      importance: 'major',
      target: 'activity:logs/retention:technical-logs',
      message: 'Logs: 6 to 12 months.',
      before: 'P6M',
      after: 'P12M',
    });
    expect(parsed[0]).not.toHaveProperty('before');
  });

  it('says when nothing changed', () => {
    expect(renderDiff([], { lang: 'fr', format: 'text' })).toContain('Aucun changement.');
    expect(renderDiff([], { lang: 'en', format: 'md' })).toContain('No changes.');
    expect(renderDiff([], { lang: 'en', format: 'json' })).toBe('[]\n');
  });
});
