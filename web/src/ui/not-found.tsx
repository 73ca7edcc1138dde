/** The page for an address the app does not know. */
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { Page } from './page.tsx';

export function NotFound({ home }: { readonly home: string }) {
  const { t } = useI18n();
  return (
    <Page title={t('common.notFound.title')}>
      <p>{t('common.notFound.body')}</p>
      <p>
        <Link to={home}>{t('common.notFound.home')}</Link>
      </p>
    </Page>
  );
}
