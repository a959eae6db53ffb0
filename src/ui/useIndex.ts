import { useMemo } from 'react';
import { buildGraphIndex, type GraphIndex } from '../analysis/graphIndex';
import { buildMemberships, type Memberships } from '../analysis/memberships';
import type { Network } from '../domain/network';

/** Index and memberships of a network, computed once per stored version. */
export function useAnalysis(network: Network): { index: GraphIndex; memberships: Memberships } {
  return useMemo(() => {
    const index = buildGraphIndex(network);
    return { index, memberships: buildMemberships(index) };
  }, [network]);
}
