/**
 * What the privacy center knows of the organisation and its policy (GET /v1/privacy-center/site),
 * fetched in the visitor's language. No cookie is set by this call.
 */
import { createContext, type ReactNode, useContext } from 'react';
import type { TPrivacyCenterSite } from '../../../src/server/routes/web.ts';
import { get } from '../api/client.ts';
import { type Loaded, useApi } from '../api/use-api.ts';
import { useI18n } from '../i18n/i18n.tsx';

export type { TPrivacyCenterSite };

const SiteContext = createContext<Loaded<TPrivacyCenterSite> | null>(null);

export function SiteProvider({ children }: { readonly children: ReactNode }) {
  const { lang } = useI18n();
  const site = useApi(`site-${lang}`, (signal) =>
    get<TPrivacyCenterSite>(`/v1/privacy-center/site?lang=${lang}`, { signal }),
  );
  return <SiteContext.Provider value={site}>{children}</SiteContext.Provider>;
}

export function useSite(): Loaded<TPrivacyCenterSite> {
  const value = useContext(SiteContext);
  if (value === null) throw new Error('useSite() outside <SiteProvider>');
  return value;
}
