import type { ReactElement } from 'react';
import { createBrowserRouter, createMemoryRouter, type RouteObject } from 'react-router';
import { areas } from './areas';
import { AreaRoute } from './routes/area';
import { BalancesRoute } from './routes/balances';
import { NotFoundRoute } from './routes/not-found';
import { OverviewRoute } from './routes/overview';
import { OperationsRoute, PaymentRoute, PaymentsRoute } from './routes/payments';
import { RequireSession } from './routes/require-session';
import { RootRoute } from './routes/root';
import { RouteErrorBoundary } from './routes/route-error';
import { ApiKeysRoute } from './routes/settings/api-keys';
import { AuditRoute } from './routes/settings/audit';
import { FxRatesRoute } from './routes/settings/fx-rates';
import { ProfileRoute } from './routes/settings/profile';
import { ProjectsRoute } from './routes/settings/projects';
import { RolesRoute } from './routes/settings/roles';
import { UsersRoute } from './routes/settings/users';
import { WebhooksRoute } from './routes/settings/webhooks';
import { InvitationRoute, SignInRoute } from './routes/sign-in';

/** Paths relative to '/', as nested routes want them. */
function childPath(path: string): string {
  return path.replace(/^\//, '');
}

/** Areas with screens of their own; the rest show their "coming soon" page. */
const builtAreas: Readonly<Record<string, ReactElement>> = {
  payments: <PaymentsRoute />,
  operations: <OperationsRoute />,
  balances: <BalancesRoute />,
  webhooks: <WebhooksRoute />,
  projects: <ProjectsRoute />,
  users: <UsersRoute />,
  roles: <RolesRoute />,
  'api-keys': <ApiKeysRoute />,
  'fx-rates': <FxRatesRoute />,
  audit: <AuditRoute />,
};

export const routes: RouteObject[] = [
  // Before sign-in: outside the frame and the auth gate.
  { path: '/sign-in', element: <SignInRoute />, errorElement: <RouteErrorBoundary /> },
  { path: '/invitations/:token', element: <InvitationRoute />, errorElement: <RouteErrorBoundary /> },
  {
    path: '/',
    element: <RequireSession />,
    errorElement: <RouteErrorBoundary />,
    children: [
      {
        element: <RootRoute />,
        children: [
          { index: true, element: <OverviewRoute /> },
          ...areas
            .filter((area) => area.path !== '/')
            .map((area) => ({ path: childPath(area.path), element: builtAreas[area.id] ?? <AreaRoute area={area} /> })),
          { path: 'payments/:paymentId', element: <PaymentRoute /> },
          { path: 'settings/profile', element: <ProfileRoute /> },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}

/** For tests: the same routes, starting at the given URLs. */
export function createTestRouter(initialEntries: string[] = ['/']) {
  return createMemoryRouter(routes, { initialEntries });
}
