/** Every message file merged, per language. French is the reference for the keys. */
import { centerMessages } from './center.ts';
import { common } from './common.ts';
import { consoleMessages } from './console.ts';
import { dashboardMessages } from './console-dashboard.ts';
import { governanceMessages } from './console-governance.ts';
import { retentionMessages } from './console-retention.ts';
import { consoleWorkMessages } from './console-work.ts';
import { errors } from './errors.ts';
import { requestMessages } from './requests.ts';

export const fr = {
  ...common.fr,
  ...errors.fr,
  ...requestMessages.fr,
  ...centerMessages.fr,
  ...consoleMessages.fr,
  ...consoleWorkMessages.fr,
  ...dashboardMessages.fr,
  ...retentionMessages.fr,
  ...governanceMessages.fr,
};
export type MessageKey = keyof typeof fr;
export const en: Readonly<Record<MessageKey, string>> = {
  ...common.en,
  ...errors.en,
  ...requestMessages.en,
  ...centerMessages.en,
  ...consoleMessages.en,
  ...consoleWorkMessages.en,
  ...dashboardMessages.en,
  ...retentionMessages.en,
  ...governanceMessages.en,
};
