/**
 * The two halves of the app: the DPO console under /console (loaded only when visited, so the
 * public privacy center downloads none of it) and the public privacy center everywhere else.
 */
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { CenterApp } from './center/center-app.tsx';
import { Loading } from './ui/status.tsx';

const ConsoleApp = lazy(() =>
  import('./console/console-app.tsx').then((module) => ({ default: module.ConsoleApp })),
);

export function App() {
  return (
    <Routes>
      <Route
        path="/console/*"
        element={
          <Suspense fallback={<Loading />}>
            <ConsoleApp />
          </Suspense>
        }
      />
      <Route path="/*" element={<CenterApp />} />
    </Routes>
  );
}
