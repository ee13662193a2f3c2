import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { Spin } from 'antd';
import { routes } from './routes';
import { ConsoleLayout } from '../components/console-layout';
import { RequireAccess } from '../components/require-access';

const NotFound = lazy(() => import('../components/not-found'));

const page = (node: ReactNode) => (
  <Suspense fallback={<Spin size="large" style={{ display: 'block', margin: '80px auto' }} aria-label="正在加载" />}>{node}</Suspense>
);

export const router = createBrowserRouter([
  {
    element: <ConsoleLayout />,
    children: [
      { index: true, element: <Navigate to="/notices" replace /> },
      ...routes.map((r) => ({
        path: r.path,
        element: page(
          r.access ? (
            <RequireAccess need={r.access}>
              <r.component />
            </RequireAccess>
          ) : (
            <r.component />
          ),
        ),
      })),
      { path: '*', element: page(<NotFound />) },
    ],
  },
]);
