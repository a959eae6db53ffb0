import { useCallback } from 'react';
import type { Edit } from '../../domain/edits';
import type { EditOutcome } from '../../domain/applyEdits';
import { applyEdits, redoLast, undoLast } from '../../storage/editStore';
import { db } from '../../storage/db';
import { useUiStore } from '../../state/uiStore';

/** Every edit goes through here: stored at once, announced, conflicts told. */
export function useEditor() {
  const announce = useUiStore((s) => s.announce);
  const report = useCallback(
    (outcome: EditOutcome | null, fallback: string) => {
      const text = outcome
        ? [outcome.description, ...outcome.conflicts.map((c) => c.message)].join(' ')
        : fallback;
      announce(text, true);
      return outcome;
    },
    [announce],
  );
  return {
    apply: useCallback(
      async (edits: Edit[], label?: string) =>
        report(await applyEdits(db, edits, label ? { label } : {}), 'Niets gewijzigd.'),
      [report],
    ),
    /** This tab's last step; `force` overwrites a newer change from another tab, once the user saw it. */
    undo: useCallback(
      async (force = false) =>
        report(await undoLast(db, { force }), 'Er is niets om ongedaan te maken.'),
      [report],
    ),
    redo: useCallback(
      async (force = false) =>
        report(await redoLast(db, { force }), 'Er is niets om opnieuw te doen.'),
      [report],
    ),
  };
}
