/** Write a notice document as Markdown (CommonMark with GFM tables), every text escaped. */

import { escapeMarkdown } from '../escape.ts';
import type { Block, Inline, Inlines, NoticeDocument, Section } from './document.ts';

const escapeUrl = (url: string): string =>
  url.replace(/[\s()<>]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

function inline(part: Inline): string {
  if (typeof part === 'string') return escapeMarkdown(part);
  switch (part.kind) {
    case 'strong':
      return `**${escapeMarkdown(part.text)}**`;
    case 'link':
      return `[${escapeMarkdown(part.text)}](${escapeUrl(part.href)})`;
    case 'warning':
      return `**${escapeMarkdown(part.text)}**`;
  }
}

const inlines = (parts: Inlines): string => parts.map(inline).join('');

function block(b: Block, colon: string): string {
  switch (b.kind) {
    case 'paragraph':
      return inlines(b.content);
    case 'warning':
      return `> ${inlines(b.content)}`;
    case 'list':
      return b.items.map((item) => `- ${inlines(item)}`).join('\n');
    case 'fields':
      return b.items
        .map((field) => {
          const label = `**${escapeMarkdown(field.label)}${colon}**`;
          if (field.values.length === 1) return `- ${label} ${inlines(field.values[0] ?? [])}`;
          return [`- ${label}`, ...field.values.map((v) => `  - ${inlines(v)}`)].join('\n');
        })
        .join('\n');
    case 'table': {
      const row = (cells: readonly string[]): string => `| ${cells.join(' | ')} |`;
      return [
        `*${escapeMarkdown(b.caption)}*`,
        '',
        row(b.head.map(escapeMarkdown)),
        row(b.head.map(() => '---')),
        ...b.rows.map((cells) => row(cells.map(inlines))),
      ].join('\n');
    }
  }
}

function section(s: Section, level: number, colon: string): string {
  const parts = [
    `${'#'.repeat(Math.min(level, 6))} ${escapeMarkdown(s.title)}`,
    ...s.blocks.map((b) => block(b, colon)),
    ...(s.subsections ?? []).map((sub) => section(sub, level + 1, colon)),
  ];
  return parts.join('\n\n');
}

/** The notice as Markdown; `colon` is the language's label separator (" :" in French, ":" in English). */
export function writeMarkdown(doc: NoticeDocument, colon: string): string {
  return `${[
    `# ${escapeMarkdown(doc.title)}`,
    ...doc.lead.map((line) => `*${inlines(line)}*`),
    ...doc.sections.map((s) => section(s, 2, colon)),
  ].join('\n\n')}\n`;
}
