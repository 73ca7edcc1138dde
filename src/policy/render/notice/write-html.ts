/**
 * Write a notice document as one self-contained HTML page: semantic sections and headings,
 * tables with header scopes, a `lang` attribute, a short inline style sheet, escaped text.
 */

import { escapeHtml } from '../escape.ts';
import type { Block, Inline, Inlines, NoticeDocument, Section } from './document.ts';

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.55;color:#1d1d1f;margin:0;background:#fff}
main{max-width:52rem;margin:0 auto;padding:2rem 1.25rem 4rem}
h1{font-size:1.9rem;margin:0 0 .5rem}h2{font-size:1.4rem;margin-top:2.5rem;border-bottom:1px solid #ddd;padding-bottom:.3rem}
h3{font-size:1.15rem;margin-top:1.8rem}.lead{color:#555}
table{border-collapse:collapse;width:100%;margin:1rem 0;font-size:.95rem}caption{text-align:left;font-weight:600;padding:.4rem 0}
th,td{border:1px solid #ccc;padding:.45rem .6rem;text-align:left;vertical-align:top}thead th{background:#f3f4f6}
dl{margin:1rem 0}dt{font-weight:600;margin-top:.7rem}dd{margin:0 0 0 1.2rem}dd ul{margin:.2rem 0;padding-left:1.2rem}
.warning{color:#8a1c00;font-weight:600}p.warning,div.warning{background:#fff4e5;border-left:4px solid #d9480f;padding:.6rem .8rem}
a{color:#0b57d0}nav ol{padding-left:1.2rem}
`.trim();

function inline(part: Inline): string {
  if (typeof part === 'string') return escapeHtml(part);
  switch (part.kind) {
    case 'strong':
      return `<strong>${escapeHtml(part.text)}</strong>`;
    case 'link':
      return `<a href="${escapeHtml(part.href)}">${escapeHtml(part.text)}</a>`;
    case 'warning':
      return `<strong class="warning">${escapeHtml(part.text)}</strong>`;
  }
}

const inlines = (parts: Inlines): string => parts.map(inline).join('');

function block(b: Block): string {
  switch (b.kind) {
    case 'paragraph':
      return `<p>${inlines(b.content)}</p>`;
    case 'warning':
      return `<p class="warning" role="note">${inlines(b.content)}</p>`;
    case 'list':
      return `<ul>\n${b.items.map((item) => `<li>${inlines(item)}</li>`).join('\n')}\n</ul>`;
    case 'fields': {
      const items = b.items.map((field) => {
        const value =
          field.values.length === 1
            ? inlines(field.values[0] ?? [])
            : `<ul>${field.values.map((v) => `<li>${inlines(v)}</li>`).join('')}</ul>`;
        return `<dt>${escapeHtml(field.label)}</dt>\n<dd>${value}</dd>`;
      });
      return `<dl>\n${items.join('\n')}\n</dl>`;
    }
    case 'table': {
      const head = b.head.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
      const rows = b.rows.map((row) => {
        const cells = row.map((cell, index) =>
          index === 0 ? `<th scope="row">${inlines(cell)}</th>` : `<td>${inlines(cell)}</td>`,
        );
        return `<tr>${cells.join('')}</tr>`;
      });
      return [
        '<table>',
        `<caption>${escapeHtml(b.caption)}</caption>`,
        `<thead><tr>${head}</tr></thead>`,
        `<tbody>\n${rows.join('\n')}\n</tbody>`,
        '</table>',
      ].join('\n');
    }
  }
}

function section(s: Section, level: number): string {
  const tag = `h${Math.min(level, 6)}`;
  const parts = [
    `<section id="${escapeHtml(s.id)}" aria-labelledby="${escapeHtml(s.id)}-title">`,
    `<${tag} id="${escapeHtml(s.id)}-title">${escapeHtml(s.title)}</${tag}>`,
    ...s.blocks.map(block),
    ...(s.subsections ?? []).map((sub) => section(sub, level + 1)),
    '</section>',
  ];
  return parts.join('\n');
}

/** The notice as a complete HTML5 document. */
export function writeHtml(doc: NoticeDocument, tocTitle: string): string {
  const toc = doc.sections
    .map((s) => `<li><a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a></li>`)
    .join('\n');
  return [
    '<!DOCTYPE html>',
    `<html lang="${doc.lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<header>',
    `<h1>${escapeHtml(doc.title)}</h1>`,
    ...doc.lead.map((line) => `<p class="lead">${inlines(line)}</p>`),
    '</header>',
    `<nav aria-label="${escapeHtml(tocTitle)}">\n<h2>${escapeHtml(tocTitle)}</h2>\n<ol>\n${toc}\n</ol>\n</nav>`,
    ...doc.sections.map((s) => section(s, 2)),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
