/**
 * The app's URL paths, shared by the React router and by the server (src/server/routes/web.ts),
 * which answers every one of them (and their sub-paths) with index.html. Kept free of React so the
 * server can import it.
 */

/** Top-level sections of the public privacy center (each also serves its sub-paths). */
export const CENTER_SECTIONS = ['notice', 'rights', 'preferences', 'directives', 'privacy-center'] as const;

/** Where the DPO console lives. */
export const CONSOLE_BASE = '/console';

export const paths = {
  home: '/',
  notice: '/notice',
  noticeVersions: '/notice/versions',
  noticeVersion: (version: number | string) => `/notice/versions/${version}`,
  noticeDiff: '/notice/diff',
  rights: '/rights',
  rightsStatus: '/rights/status',
  /** The pages the request e-mails point at (src/requests/links.ts). */
  requestVerify: (id: string) => `/privacy-center/requests/${encodeURIComponent(id)}/verify`,
  requestStatus: (id: string, token: string) =>
    `/privacy-center/requests/${encodeURIComponent(id)}?token=${encodeURIComponent(token)}`,
  exportDownload: (token: string) => `/privacy-center/exports/${encodeURIComponent(token)}`,
  preferences: '/preferences',
  directives: '/directives',
  console: CONSOLE_BASE,
  consoleSignIn: `${CONSOLE_BASE}/sign-in`,
  consolePassword: `${CONSOLE_BASE}/password`,
  consoleRequests: `${CONSOLE_BASE}/requests`,
  consoleRequest: (id: string) => `${CONSOLE_BASE}/requests/${encodeURIComponent(id)}`,
  consoleRegister: `${CONSOLE_BASE}/register`,
  consoleRetention: `${CONSOLE_BASE}/retention`,
  consoleBreaches: `${CONSOLE_BASE}/breaches`,
  consoleBreach: (id: string) => `${CONSOLE_BASE}/breaches/${encodeURIComponent(id)}`,
  consoleProcessors: `${CONSOLE_BASE}/processors`,
  consoleAudit: `${CONSOLE_BASE}/audit`,
  consoleUsers: `${CONSOLE_BASE}/users`,
  consoleAccount: `${CONSOLE_BASE}/account`,
} as const;
