import { useEffect, useState } from 'react';
import { useUndoState } from '../../storage/hooks';
import { useEditor } from './useEditor';

/** Undo and redo for every edit, also with Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y. */
export function UndoControls() {
  const state = useUndoState();
  const { undo, redo } = useEditor();
  const [error, setError] = useState<string | null>(null);
  const canUndo = (state?.past.length ?? 0) > 0;
  const canRedo = (state?.future.length ?? 0) > 0;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const target = e.target as HTMLElement | null;
      // Inside a text field, Ctrl+Z belongs to the field.
      if (
        target &&
        (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
      )
        return;
      const key = e.key.toLowerCase();
      const run = (action: () => Promise<unknown>) => {
        e.preventDefault();
        action().catch((err: unknown) =>
          setError(err instanceof Error ? err.message : String(err)),
        );
      };
      if (key === 'z' && !e.shiftKey) run(undo);
      else if ((key === 'z' && e.shiftKey) || key === 'y') run(redo);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, redo]);

  const click = (action: () => Promise<unknown>) => () => {
    setError(null);
    action().catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)));
  };
  return (
    <div className="undo-controls">
      {/* On narrow screens only the arrows show; the words stay for screen readers. */}
      {[
        { label: 'Ongedaan maken', icon: '↶', keys: 'Ctrl+Z', enabled: canUndo, action: undo },
        { label: 'Opnieuw', icon: '↷', keys: 'Ctrl+Shift+Z', enabled: canRedo, action: redo },
      ].map((b) => (
        <button
          key={b.label}
          type="button"
          disabled={!b.enabled}
          onClick={click(b.action)}
          title={`${b.label} (${b.keys})`}
        >
          <span className="undo-icon" aria-hidden="true">
            {b.icon}
          </span>
          <span className="undo-label">{b.label}</span>
        </button>
      ))}
      {error && (
        <span className="undo-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
