import type { Network } from '../domain/network';
import { toLayoutScale, type NodePositions } from '../io/positions';
import { fingerprintOf, type LayoutRecord } from './layoutStore';

// Apart from layoutStore.ts, which the map loads at start: only the import
// page turns a file's positions into a layout.

/**
 * An imported file's positions as the saved layout of the network it brought,
 * so the map shows them as they were without running the layout. Positions
 * for only some organisations are saved for "an earlier version" of the
 * network: the map places the rest and lets the layout settle them in.
 * replaceNetwork stores it with the network, in one transaction.
 */
export function importedLayout(
  network: Pick<Network, 'organisations' | 'relations'>,
  positions: NodePositions,
): LayoutRecord | undefined {
  const scaled = toLayoutScale(positions, network.organisations.length);
  const ids = network.organisations.map((o) => o.id).filter((id) => scaled.has(id));
  if (ids.length === 0) return undefined;
  const complete = ids.length === network.organisations.length;
  const fingerprint = fingerprintOf(network);
  return {
    fingerprint: complete ? fingerprint : `deels:${fingerprint}`,
    ids,
    xs: Float32Array.from(ids, (id) => scaled.get(id)!.x),
    ys: Float32Array.from(ids, (id) => scaled.get(id)!.y),
  };
}
