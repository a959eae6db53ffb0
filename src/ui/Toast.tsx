import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { selectAnnouncement, useUiStore } from '../state/uiStore';

/**
 * What was just done (an edit, an undo, a conflict with another tab), visible
 * for a few seconds. Screen readers get the same text from the live region.
 */
export function Toast() {
  const announcement = useUiStore(selectAnnouncement);
  const [hiddenId, setHiddenId] = useState<number | null>(null);
  useEffect(() => {
    if (!announcement) return;
    const timer = setTimeout(() => setHiddenId(announcement.id), 8000);
    return () => clearTimeout(timer);
  }, [announcement]);
  // It tells what was just done here: on another page it would only cover the content.
  const { pathname } = useLocation();
  const [shownOn, setShownOn] = useState({ id: announcement?.id, pathname });
  if (announcement?.id !== shownOn.id) setShownOn({ id: announcement?.id, pathname });
  const leftPage = shownOn.pathname !== pathname;
  if (!announcement?.visible || hiddenId === announcement.id || leftPage) return null;
  return (
    <div className="toast" aria-hidden="true" data-testid="toast">
      {announcement.text}
      <button type="button" tabIndex={-1} onClick={() => setHiddenId(announcement.id)}>
        ✕
      </button>
    </div>
  );
}
