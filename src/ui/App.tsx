import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import { AppShell } from './AppShell';
import { DataPage } from './pages/DataPage';
import { MapPage } from './pages/MapPage';
import { NetworksPage } from './pages/NetworksPage';
import { PeersPage } from './pages/PeersPage';

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
      { path: '*', element: <Navigate to="/kaart" replace /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
