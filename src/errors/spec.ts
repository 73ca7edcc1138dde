export interface ErrorCodeSpec {
  /** HTTP status the API answers with. */
  readonly status: number;
  /** Message shown to callers when the thrower gives none; never contains personal data. */
  readonly publicMessage: string;
}
