/**
 * The Art 30 register as data: two records (controller, processor), each a list of columns and one
 * row per processing activity. Cells are already worded in the register's language; a cell with
 * several values keeps them as a list so each format can join them its own way.
 */
import type { Language } from '../../taxonomy/types.ts';
import type { ControllerColumnKey, ProcessorColumnKey, RecordKind } from './register-columns.ts';

/** One cell: a single text or several values. Never empty (an explicit "None" / "Not stated" instead). */
export type RegisterCell = string | readonly string[];

export interface RegisterColumn<K extends string> {
  readonly key: K;
  /** Header in the register's language. */
  readonly header: string;
  /** The provision that requires the column: `30(1)(a)`…, `30(2)(d)` or `CNIL` (CNIL register model). */
  readonly basis: string;
  /** `organisation`: the same value on every row (identity of the organisation). */
  readonly scope: 'organisation' | 'activity';
  readonly group?: 'data' | 'security';
  /** Within a group: the CNIL family the column holds ("Identité", "Chiffrement des données"…). */
  readonly groupItem?: string;
}

export type RegisterRow<K extends string> = Readonly<Record<K, RegisterCell>>;

export interface Art30Record<K extends string> {
  readonly kind: RecordKind;
  /** `30(1)` for the controller record, `30(2)` for the processor record. */
  readonly article: '30(1)' | '30(2)';
  readonly title: string;
  readonly columns: readonly RegisterColumn<K>[];
  /** One row per activity of that role, in policy order. */
  readonly rows: readonly RegisterRow<K>[];
}

export interface Art30Register {
  readonly lang: Language;
  readonly title: string;
  readonly organisation: { readonly id: string; readonly name: string };
  readonly policy: { readonly version: string; readonly date?: string };
  readonly controllerRecord: Art30Record<ControllerColumnKey>;
  readonly processorRecord: Art30Record<ProcessorColumnKey>;
}
