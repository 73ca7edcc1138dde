/** The console's frame: header (who is signed in, sign-out, language), section navigation, main. */
import type { ReactNode } from 'react';
import { Link, NavLink } from 'react-router';
import { useI18n } from '../i18n/i18n.tsx';
import { paths } from '../paths.ts';
import { LanguageSwitch } from '../ui/language-switch.tsx';
import { MAIN_ID, SkipLink } from '../ui/skip-link.tsx';
import { navFor } from './nav.ts';
import { useSession } from './session.tsx';

/** Header only (sign-in and password pages). */
export function ConsoleHeader({ children }: { readonly children?: ReactNode }) {
  const { t } = useI18n();
  return (
    <header className="site-header">
      <div className="header-inner">
        <Link className="brand" to={paths.console}>
          {t('console.brand')} <small>— {t('console.brandSub')}</small>
        </Link>
        {children}
        <LanguageSwitch />
      </div>
    </header>
  );
}

/** A page outside the signed-in area: header and main, no navigation. */
export function ConsoleBare({ children }: { readonly children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <SkipLink />
      <ConsoleHeader>
        <nav className="main-nav" aria-label={t('common.mainNav')}>
          <ul>
            <li>
              <Link to={paths.home}>{t('console.privacyCenter')}</Link>
            </li>
          </ul>
        </nav>
      </ConsoleHeader>
      <main id={MAIN_ID} tabIndex={-1} className="layout">
        {children}
      </main>
    </>
  );
}

export function ConsoleLayout({ children }: { readonly children: ReactNode }) {
  const { t } = useI18n();
  const session = useSession();
  const user = session.user;
  if (user === null || user === undefined) return null;
  return (
    <>
      <SkipLink />
      <ConsoleHeader>
        <p className="header-user">
          {t('console.signedInAs', { name: user.displayName, role: t(`role.${user.role}`) })}
        </p>
        <button type="button" className="link-button" onClick={() => void session.signOut()}>
          {t('console.signOut')}
        </button>
      </ConsoleHeader>
      <div className="layout layout-console">
        <nav className="side-nav" aria-label={t('console.nav')}>
          <ul>
            {navFor(user.role).map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.end === true}>
                  {t(item.label)}
                </NavLink>
              </li>
            ))}
            <li>
              <Link to={paths.home}>{t('console.privacyCenter')}</Link>
            </li>
          </ul>
        </nav>
        <main id={MAIN_ID} tabIndex={-1}>
          {children}
        </main>
      </div>
    </>
  );
}
