/**
 * Links given to data subjects. The status and verification links open the privacy center's
 * pages (PRIVACY_CENTER_PATHS below), which call the API with the request id and token from the query
 * string; download links go straight to the API, so a copy can be fetched without the web app.
 * The server never logs query strings or paths with their values (route patterns only, see
 * src/server/logging.ts).
 */
/** Privacy-center pages the e-mails link to; the web app (web/src/paths.ts) serves these paths. */
export const PRIVACY_CENTER_PATHS = {
  rightsStatus: '/rights/status',
  rightsVerify: '/rights/verify',
} as const;
const paths = PRIVACY_CENTER_PATHS;

/** The privacy center's page following the request, opened with the status token. */
export function statusUrl(baseUrl: string, requestId: string, statusToken: string): string {
  return `${baseUrl}${paths.rightsStatus}?request=${requestId}&token=${encodeURIComponent(statusToken)}`;
}

/** The privacy center's page where the subject enters the code (DRP `user_verification_url`). */
export function verificationPageUrl(baseUrl: string, requestId: string): string {
  return `${baseUrl}${paths.rightsVerify}?request=${requestId}`;
}

/** The list of files of an export (DRP `results_url`). */
export function exportUrl(baseUrl: string, downloadToken: string): string {
  return `${baseUrl}/v1/privacy-center/exports/${downloadToken}`;
}

/** One file of an export. */
export function exportFileUrl(baseUrl: string, downloadToken: string, name: string): string {
  return `${exportUrl(baseUrl, downloadToken)}/files/${encodeURIComponent(name)}`;
}
