import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { AppShell } from './AppShell';
import { MapPage } from './map/MapPage';
import { RouteError } from './RouteError';
import { mapLink } from '../state/mapView';

// Hash routes: a deep link survives a reload on any static file server,
// without rewrite rules. The map is the start page and ships in the main
// bundle; the other pages (and the import formats behind the data page) load
// when first visited.
const router = createHashRouter([
  {
    element: <AppShell />,
    // A failure outside the screens (the shell itself) still gets a message.
    errorElement: <RouteError />,
    children: [
      {
        // A screen that fails to draw shows a message inside the shell, so the menu stays.
        errorElement: <RouteError />,
        children: [
          { index: true, element: <Navigate to={mapLink()} replace /> },
          { path: 'kaart', element: <MapPage /> },
          {
            path: 'netwerken',
            lazy: async () => ({
              Component: (await import('./networks/NetworksPage')).NetworksPage,
            }),
          },
          {
            path: 'gelijken',
            lazy: async () => ({ Component: (await import('./peers/PeersPage')).PeersPage }),
          },
          {
            path: 'kennis',
            lazy: async () => ({
              Component: (await import('./knowledge/KnowledgePage')).KnowledgePage,
            }),
          },
          {
            path: 'profiel',
            lazy: async () => ({ Component: (await import('./profile/ProfilePage')).ProfilePage }),
          },
          {
            path: 'gegevens',
            lazy: async () => ({ Component: (await import('./data/DataPage')).DataPage }),
          },
          {
            path: 'vergelijken',
            lazy: async () => ({ Component: (await import('./compare/ComparePage')).ComparePage }),
          },
          { path: '*', element: <Navigate to={mapLink()} replace /> },
        ],
      },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
