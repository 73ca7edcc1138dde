/**
 * The DPO console: sign-in first, then a one-time password must be changed, then the sections the
 * person's role opens.
 */
import { Navigate, Route, Routes } from 'react-router';
import { paths } from '../paths.ts';
import { NotFound } from '../ui/not-found.tsx';
import { Loading } from '../ui/status.tsx';
import { ConsoleBare, ConsoleLayout } from './console-layout.tsx';
import { AccountPage } from './pages/account.tsx';
import { AuditPage } from './pages/audit.tsx';
import { BreachPage } from './pages/breach.tsx';
import { BreachesPage } from './pages/breaches.tsx';
import { ChangePasswordPage } from './pages/change-password.tsx';
import { DashboardPage } from './pages/dashboard.tsx';
import { ProcessorsPage } from './pages/processors.tsx';
import { RegisterPage } from './pages/register.tsx';
import { RequestPage } from './pages/request.tsx';
import { RequestsPage } from './pages/requests.tsx';
import { RetentionPage } from './pages/retention.tsx';
import { SignInPage } from './pages/sign-in.tsx';
import { UsersPage } from './pages/users.tsx';
import { SessionProvider, useSession } from './session.tsx';

function SignedInRoutes() {
  return (
    <Routes>
      <Route index element={<DashboardPage />} />
      <Route path="requests" element={<RequestsPage />} />
      <Route path="requests/:id" element={<RequestPage />} />
      <Route path="breaches" element={<BreachesPage />} />
      <Route path="breaches/:id" element={<BreachPage />} />
      <Route path="account" element={<AccountPage />} />
      <Route path="users" element={<UsersPage />} />
      <Route path="retention" element={<RetentionPage />} />
      <Route path="register" element={<RegisterPage />} />
      <Route path="processors" element={<ProcessorsPage />} />
      <Route path="audit" element={<AuditPage />} />
      <Route path="sign-in" element={<Navigate to={paths.console} replace />} />
      <Route path="*" element={<NotFound home={paths.console} />} />
    </Routes>
  );
}

function Gate() {
  const { user } = useSession();
  if (user === undefined) {
    return (
      <ConsoleBare>
        <Loading />
      </ConsoleBare>
    );
  }
  if (user === null) {
    return (
      <ConsoleBare>
        <SignInPage />
      </ConsoleBare>
    );
  }
  if (user.mustChangePassword) {
    return (
      <ConsoleBare>
        <ChangePasswordPage forced />
      </ConsoleBare>
    );
  }
  return (
    <ConsoleLayout>
      <SignedInRoutes />
    </ConsoleLayout>
  );
}

export function ConsoleApp() {
  return (
    <SessionProvider>
      <Gate />
    </SessionProvider>
  );
}
