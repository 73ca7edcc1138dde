/** The console's sections and the roles that see each (mirroring the routes' access rules). */
import type { TRole } from '../../../src/accounts/roles.ts';
import type { MessageKey } from '../i18n/i18n.tsx';
import { paths } from '../paths.ts';

export interface NavItem {
  readonly to: string;
  readonly label: MessageKey;
  readonly roles: readonly TRole[];
  /** Only exact matches mark the link current (the dashboard at the console's root). */
  readonly end?: boolean;
}

const STAFF: readonly TRole[] = ['admin', 'dpo', 'agent', 'auditor'];

export const NAV_ITEMS: readonly NavItem[] = [
  { to: paths.console, label: 'console.nav.dashboard', roles: STAFF, end: true },
  { to: paths.consoleRequests, label: 'console.nav.requests', roles: ['dpo', 'agent', 'auditor', 'admin'] },
  { to: paths.consoleRegister, label: 'console.nav.register', roles: STAFF },
  { to: paths.consoleRetention, label: 'console.nav.retention', roles: ['dpo', 'admin', 'auditor'] },
  { to: paths.consoleBreaches, label: 'console.nav.breaches', roles: ['dpo', 'agent', 'auditor'] },
  { to: paths.consoleProcessors, label: 'console.nav.processors', roles: STAFF },
  { to: paths.consoleAudit, label: 'console.nav.audit', roles: ['dpo', 'admin', 'auditor'] },
  { to: paths.consoleUsers, label: 'console.nav.users', roles: ['admin', 'auditor'] },
  { to: paths.consoleAccount, label: 'console.nav.account', roles: STAFF },
];

/** The sections `role` may open. */
export function navFor(role: TRole): readonly NavItem[] {
  return NAV_ITEMS.filter((item) => item.roles.includes(role));
}
