/**
 * Scan a live database: read its schema, sample values of each column, and propose data-map
 * annotations with a confidence per column.
 */
import { sql } from 'kysely';
import type { SchemaInfo, TargetDb } from '../../engine/db/types.ts';
import { hintsFor } from './column-hints.ts';
import { DETECTOR_CATEGORY, type DetectorId, detect } from './detectors.ts';

export interface ColumnProposal {
  readonly table: string;
  readonly column: string;
  /** Proposed taxonomy data category. */
  readonly category: string;
  /** 0–1: how sure the scanner is. */
  readonly confidence: number;
  /** Share of sampled non-empty values the detector accepted (0 when only the name spoke). */
  readonly matchRatio: number;
  /** The column name suggested this category. */
  readonly nameHint: boolean;
  readonly sampled: number;
}

export interface ScanResult {
  readonly schema: SchemaInfo;
  readonly proposals: readonly ColumnProposal[];
  /** Columns sampled and values examined, for the progress line and the benchmark. */
  readonly columnsScanned: number;
  readonly valuesScanned: number;
}

export interface ScanOptions {
  /** Values sampled per column (default 200). */
  readonly sampleSize?: number;
  /** Minimum confidence to propose (default 0.5). */
  readonly threshold?: number;
  /** Tables to leave out (Registre's own tables are always left out). */
  readonly exclude?: readonly string[];
  readonly onTable?: (table: string) => void;
}

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return null;
}

/** Score one column from its name and sampled values. */
export function scoreColumn(
  table: string,
  column: string,
  values: readonly unknown[],
  threshold = 0.5,
): ColumnProposal | undefined {
  const hints = hintsFor(column);
  const counts = new Map<string, number>();
  let sampled = 0;
  for (const raw of values) {
    const text = asText(raw);
    if (text === null || text.trim() === '') continue;
    sampled += 1;
    const seen = new Set<string>();
    for (const id of detect(text)) {
      const category = DETECTOR_CATEGORY[id as DetectorId];
      if (!seen.has(category)) {
        seen.add(category);
        counts.set(category, (counts.get(category) ?? 0) + 1);
      }
    }
  }
  const candidates = new Set<string>([...counts.keys(), ...hints]);
  let best: ColumnProposal | undefined;
  for (const category of candidates) {
    const ratio = sampled === 0 ? 0 : (counts.get(category) ?? 0) / sampled;
    const nameHint = hints.includes(category);
    // A birth date needs its name: any date column would match the value test.
    if (category === 'date-of-birth' && !nameHint) continue;
    const confidence = nameHint ? Math.min(1, 0.55 + 0.45 * ratio) : ratio >= 0.6 ? 0.35 + 0.6 * ratio : 0;
    if (confidence >= threshold && (best === undefined || confidence > best.confidence)) {
      best = {
        table,
        column,
        category,
        confidence: Math.round(confidence * 100) / 100,
        matchRatio: ratio,
        nameHint,
        sampled,
      };
    }
  }
  return best;
}

/** Introspect and sample every user table of `target`. */
export async function scanDatabase(target: TargetDb, options: ScanOptions = {}): Promise<ScanResult> {
  const schema = await target.adapter.introspect(target.db);
  const sampleSize = options.sampleSize ?? 200;
  const proposals: ColumnProposal[] = [];
  let columnsScanned = 0;
  let valuesScanned = 0;
  for (const table of schema.tables.values()) {
    if (table.name.startsWith('registre_') || options.exclude?.includes(table.name)) continue;
    options.onTable?.(table.name);
    const fkColumns = new Set(
      schema.foreignKeys.filter((fk) => fk.table === table.name).map((fk) => fk.column),
    );
    const columns = table.columns.filter((c) => !table.primaryKey.includes(c.name) && !fkColumns.has(c.name));
    if (columns.length === 0) continue;
    const rows = await target.db
      .selectFrom(table.name)
      .select(columns.map((c) => sql.ref(c.name).as(c.name)))
      .limit(sampleSize)
      .execute();
    for (const column of columns) {
      const values = rows.map((row) => (row as Record<string, unknown>)[column.name]);
      columnsScanned += 1;
      valuesScanned += values.length;
      const proposal = scoreColumn(table.name, column.name, values, options.threshold);
      if (proposal !== undefined) proposals.push(proposal);
    }
  }
  return { schema, proposals, columnsScanned, valuesScanned };
}
