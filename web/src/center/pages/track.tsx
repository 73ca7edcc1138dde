/** Find one's request from the tracking link (or its number and key). */
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../i18n/i18n.tsx';
import { paths } from '../../paths.ts';
import { TextField } from '../../ui/field.tsx';
import { Page } from '../../ui/page.tsx';

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const LINK = new RegExp(`/requests/(${UUID})\\?(?:.*&)?token=([^&#\\s]+)`);

/** The request id and status token in a tracking link, or null. */
export function parseTrackingLink(link: string): { id: string; token: string } | null {
  const match = LINK.exec(link.trim());
  if (match === null) return null;
  return { id: match[1]!, token: decodeURIComponent(match[2]!) };
}

export function TrackPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const link = String(form.get('link') ?? '');
    const fromLink = link.trim() === '' ? null : parseTrackingLink(link);
    const id = String(form.get('id') ?? '').trim();
    const token = String(form.get('token') ?? '').trim();
    const target = fromLink ?? (new RegExp(`^${UUID}$`).test(id) && token !== '' ? { id, token } : null);
    if (target === null) {
      setError(t('track.invalid'));
      return;
    }
    void navigate(paths.requestStatus(target.id, target.token));
  }

  return (
    <Page title={t('track.title')} lead={t('track.lead')}>
      <form onSubmit={submit}>
        <TextField label={t('track.link')} hint={t('track.linkHint')} name="link" type="url" error={error} />
        <p>{t('track.or')}</p>
        <TextField label={t('track.id')} name="id" autoComplete="off" />
        <TextField label={t('track.token')} name="token" autoComplete="off" />
        <button type="submit" className="primary">
          {t('track.submit')}
        </button>
      </form>
    </Page>
  );
}
