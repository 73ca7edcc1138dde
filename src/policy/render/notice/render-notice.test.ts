import { describe, expect, it } from 'vitest';
import type { TPolicyInput } from '../../model.ts';
import { labelOf } from '../../taxonomy/labels.ts';
import type { Language } from '../../taxonomy/types.ts';
import { escapeHtml, escapeMarkdown } from '../escape.ts';
import { describeRetention } from '../retention-words.ts';
import { renderNotice } from './render-notice.ts';
import { fullPolicyInput, loadedFrom, testTaxonomy } from './test-fixture.ts';

const taxonomy = testTaxonomy();
const loaded = loadedFrom(fullPolicyInput(), taxonomy);
const { policy } = loaded;
const md = (lang: Language, input: TPolicyInput = fullPolicyInput()) =>
  renderNotice(loadedFrom(input, taxonomy), { lang, format: 'md' });
const html = (lang: Language, input: TPolicyInput = fullPolicyInput()) =>
  renderNotice(loadedFrom(input, taxonomy), { lang, format: 'html' });

/** Every text the notice must carry, from the model, in one language (unescaped). */
function expectedTexts(lang: Language): string[] {
  const label = (kind: Parameters<typeof labelOf>[1], id: string) => labelOf(taxonomy, kind, id, lang);
  const texts: string[] = [
    policy.organisation.name,
    policy.organisation.registration ?? '',
    'contact@acme.example',
    'Groupe Exemple',
    'Jeanne Martin',
    'dpo@acme.example',
    '2.1',
    'ISO/IEC 27001',
    'https://www.acme.example/confidentialite',
  ];
  for (const activity of policy.activities) {
    texts.push(activity.name[lang] ?? '');
    texts.push(...activity.purposes.map((id) => label('purposes', id)));
    texts.push(...(activity.purposeDetails ?? []).map((d) => d[lang] ?? ''));
    texts.push(...activity.subjects.map((id) => label('subjectCategories', id)));
    texts.push(...activity.data.map((d) => label('dataCategories', d.category)));
    texts.push(...activity.sources.map((id) => label('sources', id)));
    texts.push(...(activity.recipients?.internal ?? []).map((id) => label('recipients', id)));
    texts.push(...(activity.recipients?.external ?? []).map((id) => label('recipients', id)));
    texts.push(...activity.retention.map((rule) => describeRetention(rule, taxonomy, lang)));
    texts.push(...activity.retention.map((rule) => rule.label[lang] ?? ''));
  }
  for (const processor of policy.processors) texts.push(processor.name);
  texts.push(...policy.security.filter((m) => m.applied).map((m) => label('securityMeasures', m.measure)));
  texts.push(...Object.keys(policy.rights.statements).map((id) => label('rights', id)));
  texts.push(label('authorities', 'cnil'), '3 Place de Fontenoy');
  texts.push(...(policy.cookies?.categories ?? []).map((c) => c.label[lang] ?? ''));
  return texts;
}

describe('renderNotice: content', () => {
  it.each(['fr', 'en'] as const)('the %s Markdown notice carries every element of the policy', (lang) => {
    const text = md(lang);
    for (const expected of expectedTexts(lang)) expect(text).toContain(escapeMarkdown(expected));
  });

  it.each(['fr', 'en'] as const)('the %s HTML notice carries every element of the policy', (lang) => {
    const text = html(lang);
    for (const expected of expectedTexts(lang)) expect(text).toContain(escapeHtml(expected));
  });

  it('French: legal bases in words with the Art 6 letter, interest, withdrawal, balancing', () => {
    const text = md('fr');
    expect(text).toContain('(article 6, paragraphe 1, point b), du RGPD)');
    expect(text).toContain(
      'Notre intérêt légitime (article 6, paragraphe 1, point f), du RGPD) : faire connaître nos offres',
    );
    expect(text).toContain('Nous avons mis cet intérêt en balance');
    expect(text).toContain('il vous suffit de cliquer sur le lien de désinscription');
    expect(text).toContain(
      'Si vous ne fournissez pas les données obligatoires, nous ne pourrons pas conclure de contrat avec vous.',
    );
    expect(text).toContain('Les champs obligatoires sont signalés par un astérisque.');
    expect(text).toContain('Version 2.1 du 14 mars 2025');
  });

  it('English: legal bases with the article, profiling and automated decisions', () => {
    const text = md('en');
    expect(text).toContain('Your consent (Article 6(1)(a) GDPR), for: newsletter.');
    expect(text).toContain('No decision based solely on automated processing is taken about you.');
    expect(text).toContain('We build a profile for');
    expect(text).toContain('Logic involved: Segmentation by the products viewed.');
    expect(text).toContain('No profile is built.');
    expect(text).toContain('Version 2.1 of 14 March 2025');
  });

  it('processors: country, safeguard and a visible warning for the Privacy Shield and a missing safeguard', () => {
    const fr = md('fr');
    expect(fr).toContain(
      '| Zoom (Zoom Video Communications, Inc.) | Plateforme de webinaires – Organisation de nos webinaires | États-Unis | États-Unis (Clauses contractuelles types) |',
    );
    expect(fr).toContain("**⚠ « Privacy Shield UE–États-Unis » n'est plus une garantie valide**");
    expect(fr).toContain("depuis l'arrêt Schrems II");
    expect(fr).toContain('**⚠ Garantie non précisée**');
    expect(fr).toContain("| OVHcloud | Hébergement | France | Aucun transfert hors de l'EEE |");
    const page = html('en');
    expect(page).toContain(
      '<strong class="warning">⚠ “EU–US Privacy Shield” is no longer a valid safeguard</strong>',
    );
    expect(page).toContain('<p class="warning" role="note">Warning: Microsoft Azure states');
  });

  it('rights: article, availability, reason in words, channels, conditions, one month by default, extension, fees', () => {
    const fr = md('fr');
    expect(fr).toContain("| Droit d'accès | Article 15 du RGPD | Oui |");
    expect(fr).toContain('| Droit à la limitation du traitement | Article 18 du RGPD | Non |');
    expect(fr).toContain(
      'Motif : le traitement est licite et toutes les données collectées sont nécessaires',
    );
    expect(fr).toContain(
      'Limites : sauf lorsque le traitement répond à une obligation légale (article 17, paragraphe 3, point b), du RGPD)',
    );
    expect(fr).toContain('Article 85 de la loi Informatique et Libertés');
    expect(fr).toContain('- Par e-mail : [dpo@acme.example](mailto:dpo@acme.example)');
    expect(fr).toContain('- Par courrier : 10 rue de la Paix, 75002 Paris, France');
    expect(fr).toContain(
      "dans un délai d'un mois à compter de sa réception, comme le prévoit l'article 12, paragraphe 3, du RGPD",
    );
    expect(fr).toContain('Ce délai peut être prolongé de 2 mois');
    expect(fr).toContain('Des frais raisonnables peuvent vous être demandés pour toute copie supplémentaire');
    expect(fr).toContain('Joindre la copie signée');
    expect(fr).toContain('Si vous estimez, après nous avoir contactés');
    expect(md('en')).toContain(
      'We answer your request within one month of receiving it, as Article 12(3) GDPR requires.',
    );
  });

  it('a response time the policy states replaces the Art 12(3) default', () => {
    const input = fullPolicyInput();
    input.rights.responseTime = 'P30D';
    expect(md('fr', input)).toContain(
      'Nous répondons à votre demande dans un délai de 30 jours à compter de sa réception.',
    );
    expect(md('en', input)).toContain('We answer your request within 30 days of receiving it.');
  });

  it('breach, cookies, minimum age, commitments and changes', () => {
    const fr = md('fr');
    expect(fr).toContain('dans un délai de 72 heures après en avoir pris connaissance (article 33 du RGPD)');
    expect(fr).toContain('sauf si les données concernées étaient protégées');
    expect(fr).toContain(
      'la nature de la violation, les mesures prises ou envisagées et nos recommandations pour vous protéger',
    );
    expect(fr).toContain("| Mesure d’audience | Mesure d'audience | Requis | 13 mois | 25 mois | OVHcloud |");
    expect(fr).toContain('il vous suffit de supprimer les cookies de notre domaine');
    expect(fr).toContain("Nos services sont réservés aux personnes âgées d'au moins 16 ans.");
    expect(fr).toContain(labelOf(taxonomy, 'commitments', 'inform-of-important-changes', 'fr'));
    expect(fr).toContain("Mesures que nous n'appliquons pas : pseudonymisation.");
    expect(md('en')).toContain('Our services are intended for people aged 16 or over.');
  });

  it('without a DPO, cookies or minimum age, the notice says so or leaves the section out', () => {
    const input = fullPolicyInput();
    delete input.organisation.dpo;
    delete input.organisation.minimumAge;
    input.cookies = { used: false };
    const fr = md('fr', input);
    expect(fr).toContain("Nous n'avons pas désigné de délégué à la protection des données.");
    expect(fr).toContain("Nous n'utilisons ni cookies ni autres traceurs.");
    expect(fr).not.toContain('Âge minimum');
  });
});

describe('renderNotice: formats', () => {
  it.each(['fr', 'en'] as const)(
    'HTML (%s) is one self-contained document with semantic structure',
    (lang) => {
      const page = html(lang);
      expect(page.startsWith('<!DOCTYPE html>\n')).toBe(true);
      expect(page).toContain(`<html lang="${lang}">`);
      expect(page).toContain('<meta charset="utf-8">');
      expect(page).toMatch(/<style>\n[^<]+\n<\/style>/);
      expect(page).not.toMatch(/<(script|link|img|iframe)\b/);
      expect(page.match(/<h1>/g)).toHaveLength(1);
      for (const id of [
        'controller',
        'dpo',
        'activities',
        'processors',
        'security',
        'rights',
        'breach',
        'cookies',
        'minimum-age',
        'commitments',
        'changes',
      ]) {
        expect(page).toContain(`<section id="${id}" aria-labelledby="${id}-title">`);
        expect(page).toContain(`<h2 id="${id}-title">`);
      }
      expect(page).toContain('<h3 id="activity-customers-title">');
      expect(page).toContain('<th scope="col">');
      expect(page).toContain('<th scope="row">');
      expect(page.match(/<section/g)?.length).toBe(page.match(/<\/section>/g)?.length);
      expect(page.trimEnd().endsWith('</html>')).toBe(true);
    },
  );

  it.each(['fr', 'en'] as const)('Markdown (%s) has one title, headings and well-formed tables', (lang) => {
    const text = md(lang);
    expect(text.match(/^# /gm)).toHaveLength(1);
    expect(text.match(/^## /gm)?.length).toBeGreaterThanOrEqual(10);
    expect(text).toMatch(/^### /m);
    for (const table of text.split('\n\n').filter((block) => block.includes('| --- |'))) {
      const rows = table.split('\n').filter((line) => line.startsWith('|'));
      const widths = rows.map((row) => row.replace(/\\\|/g, '').split('|').length);
      expect(new Set(widths).size).toBe(1);
    }
  });
});

describe('renderNotice: escaping', () => {
  const hostile = (): TPolicyInput => {
    const input = fullPolicyInput();
    input.organisation.name = 'Acme <script>alert("x")</script> & Co';
    const first = input.activities[0];
    if (first === undefined) throw new Error('fixture has no activity');
    first.name = { fr: 'Clients <img src=x onerror=alert(1)>', en: 'Customers | <b>bold</b>' };
    input.processors = (input.processors ?? []).map((p) =>
      p.id === 'ovh' ? { ...p, name: 'OVH *cloud* [x](javascript:alert(1))' } : p,
    );
    return input;
  };

  it('HTML escapes every policy string', () => {
    for (const lang of ['fr', 'en'] as const) {
      const page = html(lang, hostile());
      expect(page).not.toContain('<script>');
      expect(page).not.toContain('<img');
      expect(page).not.toContain('<b>');
      expect(page).toContain('Acme &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co');
      expect(page).not.toContain('href="javascript:');
    }
    expect(html('fr', hostile())).toContain('Clients &lt;img src=x onerror=alert(1)&gt;');
  });

  it('Markdown escapes HTML, emphasis, links and table pipes', () => {
    const text = md('en', hostile());
    expect(text).not.toContain('<script>');
    expect(text).toContain('Acme \\<script\\>alert("x")\\</script\\> & Co');
    expect(text).toContain('Customers \\| \\<b\\>bold\\</b\\>');
    expect(text).toContain('OVH \\*cloud\\* \\[x\\](javascript:alert(1))');
    expect(text).not.toMatch(/[^\\]\]\(javascript:/);
  });

  it('the escape functions cover the dangerous characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
    expect(escapeMarkdown('a|b*c_d`e[f]g<h>i\\j#k\nl')).toBe('a\\|b\\*c\\_d\\`e\\[f\\]g\\<h\\>i\\\\j\\#k l');
  });
});
