import { useCallback } from 'react';
import { recordingSource } from '../../domain/knowledge';
import type { Network, Source } from '../../domain/network';
import type { Edit } from '../../domain/edits';
import { db } from '../../storage/db';
import { useRecorder } from '../../storage/hooks';
import { ensureSource, writeRecorder } from '../../storage/knowledgeStore';
import { useEditor } from '../edit/useEditor';

/**
 * Recording a knowledge fact: it gets the source of today's recordings by
 * this browser's municipality, and goes through the edit machinery, so it is
 * validated, stored at once and undoable like every edit.
 */
export function useRecording() {
  const recorderId = useRecorder();
  const { apply } = useEditor();

  /** Today's source for a recorder, and the network as a form should validate against. */
  const sourceFor = useCallback((network: Network, recorder: string) => {
    const org = network.organisations.find((o) => o.id === recorder);
    if (!org) return null;
    const source: Source = recordingSource(org, new Date());
    const withSource: Network = network.sources.some((s) => s.id === source.id)
      ? network
      : { ...network, sources: [...network.sources, source] };
    return { source, network: withSource };
  }, []);

  const record = useCallback(
    async (source: Source, recorder: string, edits: Edit[], label?: string) => {
      if (recorder !== recorderId) await writeRecorder(db, recorder);
      await ensureSource(db, source);
      return apply(edits, label);
    },
    [apply, recorderId],
  );

  return { recorderId, sourceFor, record };
}
