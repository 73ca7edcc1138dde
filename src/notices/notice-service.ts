/** The notice-versions service: one object the server and the CLI share. */
import type { Kysely } from 'kysely';
import type { LoadedPolicy } from '../policy/loaded-policy.ts';
import type { StoreDb } from '../store/schema/index.ts';
import { diffNoticeVersions, type NoticeDiff } from './diff-notices.ts';
import type { TNoticeVersion } from './notice-types.ts';
import { type PublishResult, publishNotice } from './publish-notice.ts';
import {
  currentNoticeVersion,
  findNoticeVersion,
  listNoticeVersions,
  readNoticeDocument,
} from './read-notices.ts';

export interface NoticeServiceDeps {
  readonly db: Kysely<StoreDb>;
  readonly clock: () => Date;
}

export interface NoticeService {
  publish(loaded: LoadedPolicy, actor: string): Promise<PublishResult>;
  list(): Promise<TNoticeVersion[]>;
  current(): Promise<TNoticeVersion | null>;
  find(which: number | 'current' | { readonly id: string }): Promise<TNoticeVersion>;
  document(
    which: number | 'current',
    lang: 'fr' | 'en',
    format: 'md' | 'html',
  ): Promise<{ version: TNoticeVersion; content: string }>;
  diff(from: number, to: number | 'current', lang: 'fr' | 'en'): Promise<NoticeDiff>;
}

/** Create the service over Registre's store. */
export function createNoticeService(deps: NoticeServiceDeps): NoticeService {
  return {
    publish: (loaded, actor) => publishNotice(deps, loaded, actor),
    list: () => listNoticeVersions(deps.db),
    current: () => currentNoticeVersion(deps.db),
    find: (which) => findNoticeVersion(deps.db, which),
    document: (which, lang, format) => readNoticeDocument(deps.db, which, lang, format),
    diff: (from, to, lang) => diffNoticeVersions(deps.db, from, to, lang),
  };
}
