/** The privacy center's frame: cookie banner, header with navigation and language switch, main, footer. */
import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { type MessageKey, useI18n } from '../i18n/i18n.tsx';
import { paths } from '../paths.ts';
import { LanguageSwitch } from '../ui/language-switch.tsx';
import { MAIN_ID, SkipLink } from '../ui/skip-link.tsx';

export interface CenterNavItem {
  readonly to: string;
  readonly label: MessageKey;
}

export function CenterLayout({
  organisation,
  nav,
  banner,
  children,
}: {
  readonly organisation: string | null;
  readonly nav: readonly CenterNavItem[];
  readonly banner: ReactNode;
  readonly children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <>
      <SkipLink />
      {banner}
      <header className="site-header">
        <div className="header-inner">
          <Link className="brand" to={paths.home}>
            {organisation === null ? t('center.title') : t('center.titleOf', { organisation })}
          </Link>
          <nav className="main-nav" aria-label={t('common.mainNav')}>
            <ul>
              {nav.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.to === paths.home}>
                    {t(item.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <LanguageSwitch />
        </div>
      </header>
      <main id={MAIN_ID} tabIndex={-1} className="layout">
        {children}
      </main>
      <footer className="site-footer">
        <div className="footer-inner">
          <p>
            <Link to={paths.console}>{t('center.staff')}</Link>
          </p>
        </div>
      </footer>
    </>
  );
}
