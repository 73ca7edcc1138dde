/** The language switch: two buttons, the current one marked with aria-pressed. */
import { LANGUAGES, useI18n } from '../i18n/i18n.tsx';

const NAMES = { fr: 'Français', en: 'English' } as const;

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <fieldset className="language-switch">
      <legend className="visually-hidden">{t('common.language')}</legend>
      {LANGUAGES.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          className="link-button"
          aria-pressed={code === lang}
          onClick={() => setLang(code)}
        >
          {NAMES[code]}
        </button>
      ))}
    </fieldset>
  );
}
