/**
 * A small document model the notice is built as, then written as Markdown or HTML.
 *
 * Everything here is plain text: the writers escape it, so no policy string ever reaches the
 * output unescaped.
 */

/** A run of text inside a paragraph, a list item or a table cell. */
export type Inline =
  | string
  | { readonly kind: 'strong'; readonly text: string }
  | { readonly kind: 'link'; readonly text: string; readonly href: string }
  | { readonly kind: 'warning'; readonly text: string };

export type Inlines = readonly Inline[];

export type Block =
  | { readonly kind: 'paragraph'; readonly content: Inlines }
  | { readonly kind: 'list'; readonly items: readonly Inlines[] }
  /** Labelled values ("Finalités : …"): a definition list in HTML, a bold-label list in Markdown. */
  | { readonly kind: 'fields'; readonly items: readonly Field[] }
  /** A table whose first column names the row (`<th scope="row">`). */
  | {
      readonly kind: 'table';
      readonly caption: string;
      readonly head: readonly string[];
      readonly rows: readonly (readonly Inlines[])[];
    }
  | { readonly kind: 'warning'; readonly content: Inlines };

export interface Field {
  readonly label: string;
  /** One value is shown inline; several are shown as a list. */
  readonly values: readonly Inlines[];
}

export interface Section {
  /** Anchor id, unique in the document (lower-case kebab-case). */
  readonly id: string;
  readonly title: string;
  readonly blocks: readonly Block[];
  readonly subsections?: readonly Section[];
}

export interface NoticeDocument {
  readonly lang: 'fr' | 'en';
  readonly title: string;
  /** Lines under the title: version and date, scope. */
  readonly lead: readonly Inlines[];
  readonly sections: readonly Section[];
}

/** Constructors of inline runs and blocks, so section builders read as the document they produce. */
export const strong = (text: string): Inline => ({ kind: 'strong', text });
export const warning = (text: string): Inline => ({ kind: 'warning', text });
export const paragraph = (...content: Inline[]): Block => ({ kind: 'paragraph', content });
export const list = (items: readonly Inlines[]): Block => ({ kind: 'list', items });
export const fields = (items: readonly Field[]): Block => ({ kind: 'fields', items });

/** A link when the target is a web address, e-mail address or phone number; plain text otherwise. */
export function link(text: string, href: string): Inline {
  return /^(https?:\/\/|mailto:|tel:)/.test(href) ? { kind: 'link', text, href } : text;
}

/** A `mailto:` link. */
export const emailLink = (email: string): Inline => link(email, `mailto:${email}`);
/** A link whose text is its address. */
export const urlLink = (url: string): Inline => link(url, url);
/** A `tel:` link (digits and + only in the target). */
export const phoneLink = (phone: string): Inline => link(phone, `tel:${phone.replace(/[^+\d]/g, '')}`);

/** Join inline runs with a separator between them. */
export function joinInlines(parts: readonly Inlines[], separator: string): Inline[] {
  const out: Inline[] = [];
  parts.forEach((part, index) => {
    if (index > 0) out.push(separator);
    out.push(...part);
  });
  return out;
}
