import { NavLink, Outlet } from 'react-router';
import { mapLink } from '../state/mapView';
import { selectAnnouncement, useUiStore } from '../state/uiStore';
import { useSeed } from './useSeed';
import { UpdatePrompt } from './UpdatePrompt';
import { Toast } from './Toast';
import { UndoControls } from './edit/UndoControls';

const NAV = [
  { to: mapLink(), label: 'Kaart' },
  { to: '/netwerken', label: 'Netwerken' },
  { to: '/gelijken', label: 'Vergelijkbare gemeenten' },
  { to: '/kennis', label: 'Kennis' },
  { to: '/vergelijken', label: 'Vergelijken' },
  { to: '/gegevens', label: 'Gegevens' },
];

export function AppShell() {
  const seed = useSeed();
  const announcement = useUiStore(selectAnnouncement);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Naar de inhoud
      </a>
      <header className="topbar">
        <div className="brand">
          <img src="./favicon.svg" alt="" width="28" height="28" />
          <span>Netwerkkaart</span>
        </div>
        <nav aria-label="Hoofdmenu">
          <ul>
            {NAV.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to}>{item.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        {seed.status === 'ready' && <UndoControls />}
      </header>
      <main id="main" tabIndex={-1}>
        {seed.status === 'loading' && (
          <p className="status" role="status">
            De landelijke gegevens worden geladen…
          </p>
        )}
        {seed.status === 'error' && (
          <div className="error-box" role="alert">
            <h2>De gegevens konden niet worden geladen</h2>
            <p>{seed.message}</p>
          </div>
        )}
        {seed.status === 'ready' && <Outlet />}
      </main>
      <UpdatePrompt />
      <Toast />
      <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {announcement?.text}
      </div>
    </div>
  );
}
