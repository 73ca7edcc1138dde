/** What the requests services receive: the store, a clock, the secret, a mailer, the policy… */
import type { Kysely } from 'kysely';
import type { Mailer } from '../mail/create-mailer.ts';
import type { LoadedPolicy } from '../policy/loaded-policy.ts';
import type { StoreDb } from '../store/schema/index.ts';
import type { FulfilmentTarget } from './fulfil/fulfilment-target.ts';
import type { FieldSealer } from './sealed-fields.ts';

export interface RequestsDeps {
  readonly db: Kysely<StoreDb>;
  readonly clock: () => Date;
  /** REGISTRE_SECRET: subject keys, code hashes, the key that seals request fields. */
  readonly secret: string;
  readonly mailer: Mailer;
  /**
   * The organisation's policy (rights granted, response time, authority to complain to); throws
   * REG_ERR_REQUESTS_NO_POLICY when the server serves none.
   */
  readonly policy: () => LoadedPolicy;
  /** Where subjects reach the privacy center (links in e-mails), without a trailing slash. */
  readonly publicBaseUrl: string;
  /** REGISTRE_EXPORT_KEY (32 bytes): seals the copies handed to subjects (read on first use). */
  readonly exportKey: () => Uint8Array;
  /** The organisation's database and data map the engine works on. */
  readonly target: FulfilmentTarget;
  /** A request for the same right by the same subject within this window is flagged (ISO 8601). */
  readonly repeatWindow: string;
  /** How long a download link works (days). */
  readonly exportTtlDays: number;
  readonly sealer: FieldSealer;
}

/** Who acts, as written in timelines and audit entries: `subject`, `user:<id>`, `token:<id>`, `system`. */
export type Actor = string;
