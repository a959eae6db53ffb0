import { useEffect, useState } from 'react';
import { db } from '../storage/db';
import { loadEmbeddedNetwork } from '../storage/embedded';
import { ensureSeeded } from '../storage/repository';

export type SeedState =
  { status: 'loading' } | { status: 'ready' } | { status: 'error'; message: string };

/** On first start, fill the empty store with the embedded national dataset. */
export function useSeed(): SeedState {
  const [state, setState] = useState<SeedState>({ status: 'loading' });
  useEffect(() => {
    let alive = true;
    ensureSeeded(db, loadEmbeddedNetwork).then(
      () => alive && setState({ status: 'ready' }),
      (error: unknown) =>
        alive &&
        setState({
          status: 'error',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
    return () => {
      alive = false;
    };
  }, []);
  return state;
}
