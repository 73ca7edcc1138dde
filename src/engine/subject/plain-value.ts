/**
 * Database values as plain JSON values for the documents given to the subject: calendar days as
 * `YYYY-MM-DD`, instants as ISO-8601, big integers as strings, binary as base64.
 */
import type { SchemaInfo } from '../db/types.ts';

export type PlainValue = string | number | boolean | null;

/** Whether the column's declared type holds calendar days only. */
export function isDayColumn(schema: SchemaInfo, table: string, column: string): boolean {
  const info = schema.tables.get(table)?.columns.find((c) => c.name === column);
  return info?.dataType === 'date';
}

/** The declared type of a column as the database reports it, lower case ('' when unknown). */
export function columnType(schema: SchemaInfo, table: string, column: string): string {
  return schema.tables.get(table)?.columns.find((c) => c.name === column)?.dataType ?? '';
}

/** One value as a plain JSON value; `day` formats dates as `YYYY-MM-DD`. */
export function toPlainValue(value: unknown, day: boolean): PlainValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return day ? value.toISOString().slice(0, 10) : value.toISOString();
  }
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Buffer.isBuffer(value)) return value.toString('base64');
  return JSON.stringify(value);
}

/** A plain value as text (CSV cells, HTML): null is the empty string. */
export function plainText(value: PlainValue): string {
  return value === null ? '' : String(value);
}
