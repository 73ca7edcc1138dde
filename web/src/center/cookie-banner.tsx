/**
 * The cookie banner. Nothing is stored or fetched before the visitor chooses: the banner reads
 * only the policy's cookie categories (already loaded for the page) and, at most, a remembered
 * choice. "Refuse all" and "Accept all" are two buttons of the same size and weight, side by
 * side; "Customise" leads to the preferences page. The choice is recorded in the consent ledger
 * (channel `cookie-banner`) and remembered for 13 months (the CNIL maximum), then asked again.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { post } from '../api/client.ts';
import { useAction } from '../api/use-action.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { paths } from '../paths.ts';
import { ErrorMessage } from '../ui/status.tsx';
import { useSite } from './site.tsx';

const STORAGE_KEY = 'registre.cookieChoice';
/** 13 months, in milliseconds (395 days). */
const CHOICE_LIFETIME_MS = 395 * 24 * 3600 * 1000;

interface StoredChoice {
  readonly choice: 'accept' | 'refuse' | 'custom';
  readonly at: string;
}

/** The remembered banner choice, or null when the visitor has not chosen (or chose too long ago). */
export function storedCookieChoice(now = Date.now()): StoredChoice | null {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    if (raw === null) return null;
    const parsed = JSON.parse(raw) as Partial<StoredChoice>;
    const at = typeof parsed.at === 'string' ? Date.parse(parsed.at) : Number.NaN;
    if (Number.isNaN(at) || now - at > CHOICE_LIFETIME_MS) return null;
    return parsed.choice === 'accept' || parsed.choice === 'refuse' || parsed.choice === 'custom'
      ? { choice: parsed.choice, at: parsed.at as string }
      : null;
  } catch {
    return null;
  }
}

/** Remember that the visitor chose (after the choice was recorded by the server). */
export function rememberCookieChoice(choice: StoredChoice['choice']): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ choice, at: new Date().toISOString() }));
  } catch {
    // storage disabled: the banner will ask again on the next visit
  }
}

export function CookieBanner() {
  const { t, lang } = useI18n();
  const site = useSite();
  const action = useAction();
  const [chosen, setChosen] = useState(() => storedCookieChoice() !== null);
  const categories = (site.data?.cookies ?? []).filter((category) => category.consent);
  if (chosen || categories.length === 0) return null;

  async function choose(choice: 'accept' | 'refuse') {
    const done = await action.run(async () => {
      for (const category of categories) {
        await post(`/v1/privacy-center/consent/${choice === 'accept' ? 'give' : 'refuse'}`, {
          purpose: category.id,
          lang,
          channel: 'cookie-banner',
        });
      }
      return true;
    });
    if (done === true) {
      rememberCookieChoice(choice);
      setChosen(true);
    }
  }

  return (
    <section className="cookie-banner" aria-labelledby="cookie-banner-title">
      <div className="cookie-banner-inner">
        <h2 id="cookie-banner-title">{t('banner.title')}</h2>
        <p>{t('banner.text', { categories: categories.map((category) => category.label).join(', ') })}</p>
        <ErrorMessage error={action.error} />
        <div className="button-row">
          <button
            type="button"
            className="primary"
            disabled={action.busy}
            onClick={() => void choose('refuse')}
          >
            {t('banner.refuse')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={action.busy}
            onClick={() => void choose('accept')}
          >
            {t('banner.accept')}
          </button>
        </div>
        <p>
          <Link to={paths.preferences}>{t('banner.customise')}</Link>
        </p>
      </div>
    </section>
  );
}
