/** The public privacy center: notice and its versions, rights, request tracking, preferences. */
import { Route, Routes, useLocation } from 'react-router';
import { paths } from '../paths.ts';
import { NotFound } from '../ui/not-found.tsx';
import { CenterLayout, type CenterNavItem } from './center-layout.tsx';
import { CookieBanner } from './cookie-banner.tsx';
import { DiffPage } from './pages/diff.tsx';
import { DirectivesPage } from './pages/directives.tsx';
import { DownloadPage } from './pages/download.tsx';
import { HomePage } from './pages/home.tsx';
import { NoticePage } from './pages/notice.tsx';
import { PreferencesPage } from './pages/preferences.tsx';
import { RightsPage } from './pages/rights.tsx';
import { StatusPage } from './pages/status.tsx';
import { TrackPage } from './pages/track.tsx';
import { VerifyPage } from './pages/verify.tsx';
import { VersionsPage } from './pages/versions.tsx';
import { SiteProvider, useSite } from './site.tsx';

function Frame() {
  const site = useSite();
  const location = useLocation();
  const nav: CenterNavItem[] = [
    { to: paths.home, label: 'center.nav.home' },
    { to: paths.notice, label: 'center.nav.notice' },
    { to: paths.rights, label: 'center.nav.rights' },
    { to: paths.rightsStatus, label: 'center.nav.status' },
    { to: paths.preferences, label: 'center.nav.preferences' },
  ];
  if (site.data?.postMortem.available === true)
    nav.push({ to: paths.directives, label: 'center.nav.directives' });
  return (
    <CenterLayout
      organisation={site.data?.organisation.name ?? null}
      nav={nav}
      banner={location.pathname === paths.preferences ? null : <CookieBanner />}
    >
      <Routes>
        <Route index element={<HomePage />} />
        <Route path="notice" element={<NoticePage />} />
        <Route path="notice/versions" element={<VersionsPage />} />
        <Route path="notice/versions/:version" element={<NoticePage />} />
        <Route path="notice/diff" element={<DiffPage />} />
        <Route path="rights" element={<RightsPage />} />
        <Route path="rights/status" element={<TrackPage />} />
        <Route path="privacy-center/requests/:id" element={<StatusPage />} />
        <Route path="privacy-center/requests/:id/verify" element={<VerifyPage />} />
        <Route path="privacy-center/exports/:token" element={<DownloadPage />} />
        <Route path="preferences" element={<PreferencesPage />} />
        <Route path="directives" element={<DirectivesPage />} />
        <Route path="*" element={<NotFound home={paths.home} />} />
      </Routes>
    </CenterLayout>
  );
}

export function CenterApp() {
  return (
    <SiteProvider>
      <Frame />
    </SiteProvider>
  );
}
