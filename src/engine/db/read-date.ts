/**
 * Read a date or timestamp column value as a Date, whatever the driver returns: a Date
 * (pg, mysql2), an ISO-8601 string (SQLite; a bare `YYYY-MM-DD` is midnight UTC) or epoch ms.
 */
export function readDateValue(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  if (typeof value === 'string' || typeof value === 'number') {
    const text =
      typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value;
    const date = new Date(text);
    return Number.isNaN(date.getTime()) ? null : date;
  }
  return null;
}
