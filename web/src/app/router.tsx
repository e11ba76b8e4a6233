import { createBrowserRouter, createMemoryRouter, type RouteObject } from 'react-router';
import { areas } from './areas';
import { AreaRoute } from './routes/area';
import { NotFoundRoute } from './routes/not-found';
import { OverviewRoute } from './routes/overview';
import { RootRoute } from './routes/root';
import { RouteErrorBoundary } from './routes/route-error';

/** Paths relative to '/', as nested routes want them. */
function childPath(path: string): string {
  return path.replace(/^\//, '');
}

export const routes: RouteObject[] = [
  {
    path: '/',
    element: <RootRoute />,
    errorElement: <RouteErrorBoundary />,
    children: [
      { index: true, element: <OverviewRoute /> },
      ...areas
        .filter((area) => area.path !== '/')
        .map((area) => ({ path: childPath(area.path), element: <AreaRoute area={area} /> })),
      { path: '*', element: <NotFoundRoute /> },
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
