/**
 * One message file per area holds both languages side by side; the English half must have exactly
 * the keys of the French half (a missing or extra key is a type error).
 */
export function defineMessages<const F extends Readonly<Record<string, string>>>(
  fr: F,
  en: { readonly [K in keyof F]: string },
): { readonly fr: F; readonly en: { readonly [K in keyof F]: string } } {
  return { fr, en };
}
