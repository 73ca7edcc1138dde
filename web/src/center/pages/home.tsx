/** The privacy center's home: what one can do here, the DPO, the supervisory authority. */
import { Link } from 'react-router';
import type { TNoticeVersion } from '../../../../src/notices/notice-types.ts';
import { get } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { paths } from '../../paths.ts';
import { Page } from '../../ui/page.tsx';
import { Loaded } from '../../ui/status.tsx';
import { useSite } from '../site.tsx';

export function HomePage() {
  const i18n = useI18n();
  const { t } = i18n;
  const site = useSite();
  const versions = useApi('notice-versions', (signal) => get<TNoticeVersion[]>('/v1/notices', { signal }));
  const current = versions.data?.[0];
  return (
    <Loaded state={site}>
      {(facts) => (
        <Page title={t('home.title', { organisation: facts.organisation.name })} lead={t('home.lead')}>
          <ul className="cards" aria-label={t('center.title')}>
            <li className="card">
              <h2>
                <Link to={paths.notice}>{t('home.notice')}</Link>
              </h2>
              <p>
                {t('home.noticeText', {
                  title: facts.policy.title,
                  version: current?.policyVersion ?? facts.policy.version,
                  date: i18n.date(current?.policyDate ?? facts.policy.date),
                })}
              </p>
            </li>
            <li className="card">
              <h2>
                <Link to={paths.rights}>{t('home.rights')}</Link>
              </h2>
              <p>{t('home.rightsText')}</p>
            </li>
            <li className="card">
              <h2>
                <Link to={paths.rightsStatus}>{t('home.status')}</Link>
              </h2>
              <p>{t('home.statusText')}</p>
            </li>
            <li className="card">
              <h2>
                <Link to={paths.preferences}>{t('home.preferences')}</Link>
              </h2>
              <p>{t('home.preferencesText')}</p>
            </li>
            {facts.postMortem.available ? (
              <li className="card">
                <h2>
                  <Link to={paths.directives}>{t('home.directives')}</Link>
                </h2>
                <p>{t('home.directivesText')}</p>
              </li>
            ) : null}
          </ul>
          <section aria-labelledby="contact-heading">
            <h2 id="contact-heading">{t('home.contact')}</h2>
            <address>
              <p>{facts.organisation.legalName}</p>
              {facts.organisation.dpoEmail === null ? null : (
                <p>
                  {t('home.dpo')}{' '}
                  <a href={`mailto:${facts.organisation.dpoEmail}`}>{facts.organisation.dpoEmail}</a>
                </p>
              )}
            </address>
            {facts.complaint.contactControllerFirst ? <p>{t('home.complaintFirst')}</p> : null}
            <p>
              {t('home.complaint')}{' '}
              {facts.complaint.website === null ? (
                facts.complaint.authority
              ) : (
                <a href={facts.complaint.website}>{facts.complaint.authority}</a>
              )}
            </p>
          </section>
        </Page>
      )}
    </Loaded>
  );
}
