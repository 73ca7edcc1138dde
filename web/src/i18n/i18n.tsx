/**
 * French and English for the web app: one dictionary per language (French is the reference;
 * English must have exactly the same keys — the type checker enforces it), a language switch
 * remembered in localStorage (a preference the visitor asked for, not a tracker), and the
 * document's `lang` attribute kept in step.
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { en, fr, type MessageKey } from './messages/index.ts';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export type { MessageKey };

const DICTIONARIES: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = { fr, en };
const STORAGE_KEY = 'registre.lang';

export type MessageParams = Readonly<Record<string, string | number>>;

export interface I18n {
  readonly lang: Language;
  setLang(lang: Language): void;
  /** The message `key` with `{name}` placeholders replaced; numbers are formatted for the language. */
  t(key: MessageKey, params?: MessageParams): string;
  /** The message for a key built at run time (an error code, a state), or undefined. */
  maybe(key: string, params?: MessageParams): string | undefined;
  /** Pick `${key}.one` or `${key}.other` by the plural rule of the language for `count`. */
  plural(key: string, count: number, params?: MessageParams): string;
  /** A date (ISO string or Date) in the language's format; `withTime` adds hours and minutes. */
  date(value: string | Date | null | undefined, withTime?: boolean): string;
  number(value: number): string;
}

/** Replace `{name}` placeholders in `template` (numbers formatted for `lang`). */
export function interpolate(template: string, lang: Language, params?: MessageParams): string {
  if (params === undefined) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? new Intl.NumberFormat(lang).format(value) : value;
  });
}

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language remembered, else the browser's first supported one, else French. */
export function initialLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // storage disabled: fall through to the browser's languages
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isLanguage(base)) return base;
  }
  return 'fr';
}

/** Build the translation functions for one language (used by the provider and by tests). */
export function makeI18n(lang: Language, setLang: (lang: Language) => void = () => undefined): I18n {
  const dictionary = DICTIONARIES[lang];
  const rules = new Intl.PluralRules(lang);
  const dateFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
  const numberFormat = new Intl.NumberFormat(lang);
  const t = (key: MessageKey, params?: MessageParams) => interpolate(dictionary[key], lang, params);
  const lookup = dictionary as Readonly<Record<string, string>>;
  return {
    lang,
    setLang,
    t,
    maybe(key, params) {
      const template = lookup[key];
      return template === undefined ? undefined : interpolate(template, lang, params);
    },
    plural(key, count, params) {
      const form = rules.select(count) === 'one' ? 'one' : 'other';
      const full = `${key}.${form}`;
      const template = lookup[full] ?? full;
      return interpolate(template, lang, { count, ...params });
    },
    date(value, withTime = false) {
      if (value === null || value === undefined || value === '') return '—';
      // A bare calendar day (2025-02-28) is a date, not an instant: format it in UTC.
      const parsed =
        typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
          ? new Date(`${value}T00:00:00Z`)
          : new Date(value);
      if (Number.isNaN(parsed.getTime())) return String(value);
      return withTime ? dateTimeFormat.format(parsed) : dateFormat.format(parsed);
    },
    number: (value) => numberFormat.format(value),
  };
}

const I18nContext = createContext<I18n | null>(null);

/** Provide the language to the app and keep `<html lang>` and the storage in step with it. */
export function I18nProvider({ children }: { readonly children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(initialLanguage);
  const setLang = useCallback((next: Language) => {
    setLangState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // storage disabled: the choice lasts for this page only
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo(() => makeI18n(lang, setLang), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language and its translation functions. */
export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (value === null) throw new Error('useI18n() outside <I18nProvider>');
  return value;
}
