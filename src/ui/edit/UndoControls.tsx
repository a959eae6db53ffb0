import { useEffect, useState } from 'react';
import { ReplayConflict } from '../../domain/applyEdits';
import { useUndoState } from '../../storage/hooks';
import { useEditor } from './useEditor';

type Direction = 'undo' | 'redo';

/**
 * Undo and redo of this tab's own steps, also with Ctrl+Z, Ctrl+Shift+Z and
 * Ctrl+Y. When a step would overwrite what another tab changed after it, the
 * user is told what changed and asked before anything is overwritten.
 */
export function UndoControls() {
  const state = useUndoState();
  const { undo, redo } = useEditor();
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ direction: Direction; message: string } | null>(null);
  const failed = (direction: Direction) => (err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    if (err instanceof Error && err.cause instanceof ReplayConflict)
      setConflict({ direction, message });
    else setError(message);
  };
  const replay = (direction: Direction, force = false) => {
    setError(null);
    setConflict(null);
    (direction === 'undo' ? undo(force) : redo(force)).catch(failed(direction));
  };
  const canUndo = (state?.past.length ?? 0) > 0;
  const canRedo = (state?.future.length ?? 0) > 0;

  // Subscribed anew after each render, so the keys always replay with the current state.
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
      const run = (direction: Direction) => {
        e.preventDefault();
        replay(direction);
      };
      if (key === 'z' && !e.shiftKey) run('undo');
      else if ((key === 'z' && e.shiftKey) || key === 'y') run('redo');
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  return (
    <div className="undo-controls">
      {/* On narrow screens only the arrows show; the words stay for screen readers. */}
      {[
        { label: 'Ongedaan maken', icon: '↶', keys: 'Ctrl+Z', enabled: canUndo, direction: 'undo' },
        { label: 'Opnieuw', icon: '↷', keys: 'Ctrl+Shift+Z', enabled: canRedo, direction: 'redo' },
      ].map((b) => (
        <button
          key={b.label}
          type="button"
          disabled={!b.enabled}
          onClick={() => replay(b.direction as Direction)}
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
      {conflict && (
        <span className="undo-error" role="alert" data-testid="undo-conflict">
          {conflict.message}{' '}
          <button type="button" onClick={() => replay(conflict.direction, true)}>
            {conflict.direction === 'undo' ? 'Toch ongedaan maken' : 'Toch opnieuw doen'}
          </button>{' '}
          <button type="button" onClick={() => setConflict(null)}>
            Laat staan
          </button>
        </span>
      )}
    </div>
  );
}
