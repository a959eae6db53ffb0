import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { AppShell } from './AppShell';
import { ComparePage } from './compare/ComparePage';
import { DataPage } from './data/DataPage';
import { MapPage } from './map/MapPage';
import { NetworksPage } from './networks/NetworksPage';
import { PeersPage } from './peers/PeersPage';

// Hash routes: a deep link survives a reload on any static file server,
// without rewrite rules.
const router = createHashRouter([
  {
    element: <AppShell />,
    children: [
      { index: true, element: <Navigate to="/kaart" replace /> },
      { path: 'kaart', element: <MapPage /> },
      { path: 'netwerken', element: <NetworksPage /> },
      { path: 'gelijken', element: <PeersPage /> },
      { path: 'gegevens', element: <DataPage /> },
      { path: 'vergelijken', element: <ComparePage /> },
      { path: '*', element: <Navigate to="/kaart" replace /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
