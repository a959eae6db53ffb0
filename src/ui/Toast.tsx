import { useEffect, useState } from 'react';
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
  if (!announcement?.visible || hiddenId === announcement.id) return null;
  return (
    <div className="toast" aria-hidden="true" data-testid="toast">
      {announcement.text}
      <button type="button" tabIndex={-1} onClick={() => setHiddenId(announcement.id)}>
        ✕
      </button>
    </div>
  );
}
