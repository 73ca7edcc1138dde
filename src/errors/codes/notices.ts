import type { ErrorCodeSpec } from '../spec.ts';

/** Published notice versions (what data subjects were told, and when). */
export const NOTICES_ERROR_CODES = {
  REG_ERR_NOTICE_NONE_PUBLISHED: { status: 404, publicMessage: 'No notice has been published yet.' },
  REG_ERR_NOTICE_VERSION_NOT_FOUND: { status: 404, publicMessage: 'No published notice has this version.' },
  REG_ERR_NOTICE_CONFLICT: {
    status: 409,
    publicMessage: 'Another notice was published at the same time; try again.',
  },
  REG_ERR_NOTICE_POLICY_UNREADABLE: {
    status: 500,
    publicMessage: 'A stored policy version could not be read back.',
  },
} as const satisfies Record<string, ErrorCodeSpec>;
