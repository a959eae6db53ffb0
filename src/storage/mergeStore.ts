import { mergeThemes, planMerge, type MergeOptions, type MergePlan } from '../domain/merge';
import type { NetwerkkaartDB } from './db';
import {
  loadRowSets,
  networkTables,
  readNetwork,
  readNetworkMeta,
  writeNetworkMeta,
} from './repository';
import { asStorageError } from './storageError';
import type { Network } from '../domain/network';

// Apart from repository.ts, which the map loads at start: only the import
// page merges, and the plan (matching, conflicts, changes per field) is sizeable.

/**
 * Merge: update what is there, add new, delete nothing (planMerge says how a
 * record is recognised and that a kind changes only where `options` says so).
 * Returns the plan it carried out. Positions in the file are not used: they
 * are in another picture's coordinates than the stored layout.
 */
export async function mergeNetwork(
  db: NetwerkkaartDB,
  incoming: Network,
  now: Date = new Date(),
  options: MergeOptions = {},
): Promise<MergePlan> {
  try {
    return await db.transaction('rw', networkTables(db), async () => {
      const current = await readNetwork(db);
      const plan = planMerge(current, incoming, options);
      const rows = await loadRowSets(db);
      plan.organisationsToPut.forEach((o) => rows.organisations.put(o));
      plan.relationsToPut.forEach((r) => rows.relations.put(r));
      await rows.organisations.flush();
      await rows.relations.flush();
      const meta = await readNetworkMeta(db);
      const sourceById = new Map(current.sources.map((s) => [s.id, s]));
      for (const s of plan.sourcesToPut) sourceById.set(s.id, s);
      const themes = mergeThemes(current.themes, plan.themesToPut);
      // The stored title stays; a merge into a store without one takes the file's.
      await writeNetworkMeta(db, 'import', now, {
        title: meta?.title ?? incoming.title,
        // A merge adds to the network as it is: its date stays the stored one.
        referenceDate: meta ? meta.referenceDate : incoming.referenceDate,
        sources: [...sourceById.values()],
        themes,
      });
      return plan;
    });
  } catch (error) {
    throw asStorageError(error);
  }
}
