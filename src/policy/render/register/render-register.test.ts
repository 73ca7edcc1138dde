import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../escape.ts';
import { buildRegister } from './build-register.ts';
import { csvField, toCsv } from './csv.ts';
import { CONTROLLER_MANDATORY_COLUMNS, PROCESSOR_MANDATORY_COLUMNS } from './register-columns.ts';
import { loadFixture, richPolicy, sparsePolicy } from './register-test-fixture.ts';
import { renderRegister } from './render-register.ts';

/** An RFC 4180 reader, independent of the writer under test. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) throw new Error('CSV does not end with CRLF');
  return rows;
}

const rich = loadFixture(richPolicy());
const sparse = loadFixture(sparsePolicy());

describe('csvField', () => {
  it('quotes fields with quotes, commas or line breaks and doubles inner quotes', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvField('cr\r')).toBe('"cr\r"');
    expect(csvField('')).toBe('');
  });

  it('guards cells a spreadsheet would run as a formula', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+33 1 23')).toBe("'+33 1 23");
    expect(csvField('-2')).toBe("'-2");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('=HYPERLINK("x","y")')).toBe('"\'=HYPERLINK(""x"",""y"")"');
    expect(csvField('a=b')).toBe('a=b');
  });

  it('round-trips through an RFC 4180 reader', () => {
    const table = [
      ['h1', 'h2'],
      ['a "b", c', 'x\r\ny'],
      ['', 'é ; ü'],
    ];
    expect(parseCsv(toCsv(table))).toEqual(table);
  });
});

describe('renderRegister — CSV', () => {
  it('writes the controller record: a header row, then one line per activity, values joined with " ; "', () => {
    const register = buildRegister(rich, 'fr');
    const rows = parseCsv(renderRegister(register, { format: 'csv', record: 'controller' }));
    expect(rows[0]).toEqual(register.controllerRecord.columns.map((c) => c.header));
    expect(rows).toHaveLength(1 + 2);
    const at = (key: string) => register.controllerRecord.columns.findIndex((c) => c.key === key);
    expect(rows[1]![at('activity')]).toBe('Prospection commerciale');
    expect(rows[1]![at('software')]).toBe('CRM "Pro", v2');
    expect(rows[1]![at('dataIdentity')]).toBe(
      "Nom et prénom ; Adresse e-mail ; Numéro d'identification national",
    );
    expect(rows[2]![at('activity')]).toBe('<script>alert("x")</script> & co,\nligne 2');
    expect(rows[2]![at('software')]).toBe('\'=HYPERLINK("http://evil.example") ; +cmd ; -2 ; @SUM(A1)');
  });

  it('writes the processor record on its own', () => {
    const register = buildRegister(rich, 'en');
    const rows = parseCsv(renderRegister(register, { format: 'csv', record: 'processor' }));
    expect(rows[0]).toEqual(register.processorRecord.columns.map((c) => c.header));
    expect(rows.slice(1).map((r) => r[0])).toEqual(['e-invoicing']);
  });

  it('writes both records as one table with a record column and "not applicable" cells, never blank', () => {
    for (const loaded of [rich, sparse]) {
      for (const lang of ['fr', 'en'] as const) {
        const register = buildRegister(loaded, lang);
        const rows = parseCsv(renderRegister(register, { format: 'csv', record: 'all' }));
        const header = rows[0]!;
        expect(header[0]).toBe(lang === 'fr' ? 'Registre' : 'Record');
        const expectedRows = register.controllerRecord.rows.length + register.processorRecord.rows.length;
        expect(rows).toHaveLength(1 + expectedRows);
        for (const row of rows) {
          expect(row).toHaveLength(header.length);
          for (const cell of row) expect(cell.trim()).not.toBe('');
        }
        const union = new Set([...CONTROLLER_MANDATORY_COLUMNS, ...PROCESSOR_MANDATORY_COLUMNS]);
        expect(header).toHaveLength(1 + union.size);
      }
    }
    const register = buildRegister(rich, 'fr');
    const rows = parseCsv(renderRegister(register, { format: 'csv', record: 'all' }));
    const header = rows[0]!;
    const col = (h: string) => header.indexOf(h);
    const controllerRow = rows.find((r) => r[0] === '30(1)')!;
    const processorRow = rows.find((r) => r[0] === '30(2)')!;
    expect(
      controllerRow[col('Responsables de traitement pour le compte desquels le sous-traitant agit')],
    ).toBe('Sans objet');
    expect(processorRow[col('Responsable du traitement')]).toBe('Sans objet');
    expect(processorRow[col('Sous-traitant')]).toContain('Acme');
  });

  it('writes both records when no record is named (the CLI default)', () => {
    const register = buildRegister(rich, 'fr');
    expect(renderRegister(register, { format: 'csv' })).toBe(
      renderRegister(register, { format: 'csv', record: 'all' }),
    );
  });

  it('has no empty mandatory column for a policy with sparse data', () => {
    const register = buildRegister(sparse, 'fr');
    for (const record of ['controller', 'processor'] as const) {
      const rows = parseCsv(renderRegister(register, { format: 'csv', record }));
      const keys = record === 'controller' ? CONTROLLER_MANDATORY_COLUMNS : PROCESSOR_MANDATORY_COLUMNS;
      const columns = (record === 'controller' ? register.controllerRecord : register.processorRecord)
        .columns;
      expect(columns.map((c) => c.key)).toEqual([...keys]);
      expect(rows.length).toBeGreaterThan(1);
      for (const row of rows.slice(1)) {
        keys.forEach((key, i) => {
          expect(row[i], `${record} ${key}`).not.toBe('');
        });
      }
    }
  });

  it('can start with a UTF-8 byte order mark', () => {
    const register = buildRegister(sparse, 'fr');
    expect(
      renderRegister(register, { format: 'csv', record: 'controller', bom: true }).startsWith('\uFEFF'),
    ).toBe(true);
    expect(renderRegister(register, { format: 'csv', record: 'controller' }).startsWith('\uFEFF')).toBe(
      false,
    );
  });
});

describe('renderRegister — JSON', () => {
  it('is the structured register, limited to the requested record', () => {
    const register = buildRegister(rich, 'en');
    const all = JSON.parse(renderRegister(register, { format: 'json', record: 'all' }));
    expect(all.lang).toBe('en');
    expect(all.organisation).toEqual({ id: 'acme', name: 'Acme, "Le Test"' });
    expect(all.policy).toEqual({ version: '2.1', date: '2025-03-01' });
    expect(all.controllerRecord.article).toBe('30(1)');
    expect(all.controllerRecord.columns.map((c: { key: string }) => c.key)).toEqual([
      ...CONTROLLER_MANDATORY_COLUMNS,
    ]);
    expect(all.controllerRecord.rows).toHaveLength(2);
    expect(all.controllerRecord.rows[0].dataIdentity).toEqual([
      'Name',
      'Email address',
      'National identification number',
    ]);
    expect(all.processorRecord.rows[0].controllers).toEqual([
      'Each customer under its contract, client@customer.example',
    ]);
    const controllerOnly = JSON.parse(renderRegister(register, { format: 'json', record: 'controller' }));
    expect(controllerOnly.processorRecord).toBeUndefined();
    expect(controllerOnly.controllerRecord.rows).toHaveLength(2);
    const processorOnly = JSON.parse(renderRegister(register, { format: 'json', record: 'processor' }));
    expect(processorOnly.controllerRecord).toBeUndefined();
  });
});

describe('renderRegister — HTML', () => {
  it('escapes every text', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const html = renderRegister(buildRegister(rich, 'fr'), { format: 'html', record: 'all' });
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co');
    expect(html).toContain('Acme, &quot;Le Test&quot;');
    expect(html).toContain('<li>=HYPERLINK(&quot;http://evil.example&quot;)</li>');
  });

  it('is a self-contained document with a lang attribute, inline CSS and one table per record', () => {
    const html = renderRegister(buildRegister(rich, 'en'), { format: 'html', record: 'all' });
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<link|<script|src=/);
    expect(html.match(/<table>/g)).toHaveLength(2);
    expect(html).toContain('Controller record (GDPR Article 30(1))');
    expect(html).toContain('Processor record (GDPR Article 30(2))');
    expect(html.match(/<tbody>[\s\S]*?<\/tbody>/g)?.[0]?.match(/<tr>/g)).toHaveLength(2);
    const controllerOnly = renderRegister(buildRegister(rich, 'fr'), {
      format: 'html',
      record: 'controller',
    });
    expect(controllerOnly).toContain('<html lang="fr">');
    expect(controllerOnly.match(/<table>/g)).toHaveLength(1);
    expect(controllerOnly).not.toContain('article 30.2');
  });

  it('gathers the CNIL families in one cell and shows the organisation once per record', () => {
    const html = renderRegister(buildRegister(rich, 'fr'), { format: 'html', record: 'controller' });
    expect(html).toContain(
      '<dt>Délégué à la protection des données<span class="basis">art. 30(1)(a)</span></dt>',
    );
    expect(html).toContain(
      '<dl class="family"><dt>État civil, identité, données d’identification</dt><dd><ul><li>Nom et prénom</li>',
    );
    expect(html.match(/Jeanne Martin/g)).toHaveLength(1);
  });

  it('says so when a record has no activity', () => {
    const policy = richPolicy();
    policy.activities = policy.activities.filter((a) => a.role === 'controller');
    const html = renderRegister(buildRegister(loadFixture(policy), 'fr'), { format: 'html', record: 'all' });
    expect(html).toContain('Aucune activité de traitement dans ce registre.');
    expect(html.match(/<table>/g)).toHaveLength(1);
  });
});
