import { useRegisterSW } from 'virtual:pwa-register/react';

/** Offers a new version when one is ready; the user chooses when to switch. */
export function UpdatePrompt() {
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW();
  if (!needRefresh) return null;
  return (
    <div className="update-prompt" role="status">
      Er is een nieuwe versie van Netwerkkaart.
      <button type="button" className="primary" onClick={() => void updateServiceWorker(true)}>
        Nu vernieuwen
      </button>
      <button type="button" onClick={() => setNeedRefresh(false)}>
        Later
      </button>
    </div>
  );
}
