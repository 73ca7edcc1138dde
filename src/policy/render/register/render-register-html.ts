/**
 * The register as one self-contained, printable HTML document: inline CSS, no script, no external
 * resource, every text escaped. Each record is a section: the organisation's identity (the same for
 * every activity) as a list, then one table row per activity. The CNIL data and security families
 * are shown together in one cell each, so the table fits a landscape page.
 */

import type { Language } from '../../taxonomy/types.ts';
import { escapeHtml } from '../escape.ts';
import { groupHeader } from './register-columns.ts';
import type { Art30Record, Art30Register, RegisterCell, RegisterColumn } from './register-types.ts';
import { REGISTER_WORDS } from './register-words.ts';

const STYLE = `
@page { size: A4 landscape; margin: 10mm; }
body { font: 10pt/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #111; margin: 1.5rem; }
h1 { font-size: 16pt; margin: 0 0 .25rem; }
h2 { font-size: 13pt; margin: 2rem 0 .5rem; break-before: auto; }
.meta { color: #444; margin: 0 0 1rem; }
dl.identity { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: 0 0 1rem; }
dl.identity dt { font-weight: 600; }
dl.identity dd { margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: 8pt; }
thead { display: table-header-group; }
th, td { border: 1px solid #999; padding: 3px 4px; vertical-align: top; text-align: left; }
thead th { background: #eee; }
tr { break-inside: avoid; }
ul { margin: 0; padding-left: 1.1em; }
dl.family { margin: 0; }
dl.family dt { font-weight: 600; }
dl.family dd { margin: 0 0 .2rem; }
.basis { display: block; font-weight: normal; color: #555; font-size: 7pt; }
@media print { body { margin: 0; } }
`;

function cellHtml(cell: RegisterCell): string {
  if (typeof cell === 'string') return escapeHtml(cell);
  if (cell.length === 1) return escapeHtml(cell[0] ?? '');
  return `<ul>${cell.map((v) => `<li>${escapeHtml(v)}</li>`).join('')}</ul>`;
}

function basisHtml(basis: string, lang: Language): string {
  const text = basis === 'CNIL' ? (lang === 'fr' ? 'modèle CNIL' : 'CNIL model') : `art. ${basis}`;
  return `<span class="basis">${escapeHtml(text)}</span>`;
}

/** The columns as the table shows them: single columns, or a CNIL group gathered into one. */
type TableColumn<K extends string> =
  | { readonly kind: 'single'; readonly column: RegisterColumn<K> }
  | { readonly kind: 'group'; readonly group: 'data' | 'security'; readonly columns: RegisterColumn<K>[] };

function tableColumns<K extends string>(columns: readonly RegisterColumn<K>[]): TableColumn<K>[] {
  const out: TableColumn<K>[] = [];
  for (const column of columns) {
    if (column.scope === 'organisation') continue;
    if (column.group === undefined) {
      out.push({ kind: 'single', column });
      continue;
    }
    const last = out[out.length - 1];
    if (last?.kind === 'group' && last.group === column.group) last.columns.push(column);
    else out.push({ kind: 'group', group: column.group, columns: [column] });
  }
  return out;
}

function groupCellHtml<K extends string>(
  columns: readonly RegisterColumn<K>[],
  row: Readonly<Record<K, RegisterCell>>,
  lang: Language,
): string {
  const w = REGISTER_WORDS[lang];
  const filled = columns.filter((c) => row[c.key] !== w.noneFeminine && row[c.key] !== w.notStated);
  if (filled.length === 0) {
    // Every family says "None" (or every one "Not stated"): say it once.
    const first = columns[0];
    return first === undefined ? escapeHtml(w.noneFeminine) : cellHtml(row[first.key]);
  }
  const items = filled.map(
    (c) => `<dt>${escapeHtml(c.groupItem ?? c.header)}</dt><dd>${cellHtml(row[c.key])}</dd>`,
  );
  return `<dl class="family">${items.join('')}</dl>`;
}

function recordHtml<K extends string>(record: Art30Record<K>, lang: Language): string {
  const w = REGISTER_WORDS[lang];
  const parts = [
    `<section class="record" id="record-${record.kind}">`,
    `<h2>${escapeHtml(record.title)}</h2>`,
  ];
  const first = record.rows[0];
  if (first === undefined) {
    parts.push(`<p>${escapeHtml(w.noActivity)}</p>`, '</section>');
    return parts.join('\n');
  }
  const identity = record.columns.filter((c) => c.scope === 'organisation');
  parts.push('<dl class="identity">');
  for (const column of identity) {
    parts.push(
      `<dt>${escapeHtml(column.header)}${basisHtml(column.basis, lang)}</dt><dd>${cellHtml(first[column.key])}</dd>`,
    );
  }
  parts.push('</dl>');
  const columns = tableColumns(record.columns);
  const head = columns.map((c) =>
    c.kind === 'single'
      ? `<th scope="col">${escapeHtml(c.column.header)}${basisHtml(c.column.basis, lang)}</th>`
      : `<th scope="col">${escapeHtml(groupHeader(c.group, lang))}${basisHtml(c.columns[0]?.basis ?? '', lang)}</th>`,
  );
  parts.push('<table>', `<thead><tr>${head.join('')}</tr></thead>`, '<tbody>');
  for (const row of record.rows) {
    const cells = columns.map((c) =>
      c.kind === 'single'
        ? `<td>${cellHtml(row[c.column.key])}</td>`
        : `<td>${groupCellHtml(c.columns, row, lang)}</td>`,
    );
    parts.push(`<tr>${cells.join('')}</tr>`);
  }
  parts.push('</tbody>', '</table>', '</section>');
  return parts.join('\n');
}

/** The register (or one of its records) as a complete HTML document. */
export function renderRegisterHtml(
  register: Art30Register,
  record: 'controller' | 'processor' | 'all',
): string {
  const w = REGISTER_WORDS[register.lang];
  const title = `${register.title} — ${register.organisation.name}`;
  const { date } = register.policy;
  const dated = date === undefined || date === register.policy.version ? '' : ` (${date})`;
  const version = `${w.version}${w.colon}${register.policy.version}${dated}`;
  const sections: string[] = [];
  if (record !== 'processor') sections.push(recordHtml(register.controllerRecord, register.lang));
  if (record !== 'controller') sections.push(recordHtml(register.processorRecord, register.lang));
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(register.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${escapeHtml(register.title)}</h1><p class="meta">${escapeHtml(register.organisation.name)} — ${escapeHtml(version)}</p></header>`,
    ...sections,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
