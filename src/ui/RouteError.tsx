import { isRouteErrorResponse, useNavigate, useRouteError } from 'react-router';
import { mapLink } from '../state/mapView';

/**
 * What a screen shows when it fails to draw (or its code fails to load):
 * a plain message and two ways on, instead of a blank page.
 */
export function RouteError() {
  const error = useRouteError();
  const navigate = useNavigate();
  return (
    <div className="page" data-testid="route-error">
      <div className="error-box" role="alert">
        <h1>Er ging iets mis op dit scherm</h1>
        <p>{describe(error)}</p>
        <p>De gegevens op dit apparaat zijn niet aangetast.</p>
        <div className="actions">
          <button type="button" onClick={() => navigate(mapLink())}>
            Naar de kaart
          </button>
          <button type="button" onClick={() => window.location.reload()}>
            Opnieuw laden
          </button>
        </div>
      </div>
    </div>
  );
}

function describe(error: unknown): string {
  if (isRouteErrorResponse(error)) return `${error.status} ${error.statusText}`.trim();
  if (error instanceof Error && error.message) return error.message;
  return 'Er is een onbekende fout opgetreden.';
}
