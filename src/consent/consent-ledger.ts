/**
 * The consent ledger as one service object, shared by the server, the CLI and the request
 * workflow: consent (give, withdraw, refuse), objections and GPC, the restriction flag, and
 * `mayProcess`, the one call for applications.
 */
import type { TConsentReceipt } from './build-receipt.ts';
import { countByPurpose } from './count-by-purpose.ts';
import type { ConsentLedgerDeps } from './ledger-deps.ts';
import { type MayProcessInput, mayProcess } from './may-process.ts';
import {
  liftObjection,
  type ObjectionInput,
  type ObjectionRecord,
  overrideObjection,
  recordGpcSignal,
  recordObjection,
} from './objections.ts';
import { readHistory, readReceipt, type TSubjectHistory } from './read-history.ts';
import { readPreferences, type TPreferences } from './read-ledger.ts';
import { type ConsentRecord, type RecordConsentInput, recordConsent } from './record-consent.ts';
import { liftRestriction, restrictSubject, type TRestrictionGround } from './restrictions.ts';
import type { TSubjectInput } from './subject-key.ts';
import type { TProcessingDecision } from './types.ts';

export type { ConsentLedgerDeps } from './ledger-deps.ts';

export interface ConsentLedger {
  give(input: RecordConsentInput): Promise<ConsentRecord>;
  withdraw(input: RecordConsentInput): Promise<ConsentRecord>;
  refuse(input: RecordConsentInput): Promise<ConsentRecord>;
  object(input: ObjectionInput): Promise<ObjectionRecord>;
  liftObjection(input: { subject: TSubjectInput; scope: string; actor: string }): Promise<{ lifted: number }>;
  overrideObjection(input: { objectionId: string; reason: string; actor: string }): Promise<void>;
  recordGpc(input: { subject: TSubjectInput; actor: string }): Promise<ObjectionRecord[]>;
  restrict(input: {
    subject: TSubjectInput;
    reason: TRestrictionGround;
    actor: string;
  }): Promise<{ since: string; recorded: boolean }>;
  liftRestriction(input: { subject: TSubjectInput; notifiedAt: Date; actor: string }): Promise<void>;
  mayProcess(input: MayProcessInput): Promise<TProcessingDecision>;
  preferences(input: { subject: TSubjectInput; actor: string; lang: 'fr' | 'en' }): Promise<TPreferences>;
  history(input: { subject: TSubjectInput; actor: string }): Promise<TSubjectHistory>;
  receipt(input: { receiptId: string; actor: string; subject?: TSubjectInput }): Promise<TConsentReceipt>;
  counts(): ReturnType<typeof countByPurpose>;
}

/** Create the ledger over Registre's store (see {@link ConsentLedgerDeps}). */
export function createConsentLedger(deps: ConsentLedgerDeps): ConsentLedger {
  return {
    give: (input) => recordConsent(deps, 'given', input),
    withdraw: (input) => recordConsent(deps, 'withdrawn', input),
    refuse: (input) => recordConsent(deps, 'refused', input),
    object: (input) => recordObjection(deps, input),
    liftObjection: (input) => liftObjection(deps, input),
    overrideObjection: (input) => overrideObjection(deps, input),
    recordGpc: (input) => recordGpcSignal(deps, input),
    restrict: (input) => restrictSubject(deps, input),
    liftRestriction: (input) => liftRestriction(deps, input),
    mayProcess: (input) => mayProcess(deps, input),
    preferences: (input) => readPreferences(deps, input),
    history: (input) => readHistory(deps, input),
    receipt: (input) => readReceipt(deps, input),
    counts: () => countByPurpose(deps),
  };
}
