/** Escaping for the notice writers: every policy string goes through one of these. */

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escape text for an HTML element body or a double-quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/**
 * Escape text for Markdown: the characters that start emphasis, code, links, raw HTML or
 * table cells are backslash-escaped, and line breaks become spaces (a value never breaks a
 * list item or a table row).
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/[\\`*_[\]<>|#]/g, (char) => `\\${char}`);
}
