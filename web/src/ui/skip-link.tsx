/** "Skip to content": the first focusable element of every page. */
import { useI18n } from '../i18n/i18n.tsx';

export const MAIN_ID = 'main';

export function SkipLink() {
  const { t } = useI18n();
  return (
    <a className="skip-link" href={`#${MAIN_ID}`}>
      {t('common.skipToContent')}
    </a>
  );
}
