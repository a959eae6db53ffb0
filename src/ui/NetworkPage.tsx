import type { ComponentType } from 'react';
import type { Network } from '../domain/network';
import { useNetwork } from '../storage/hooks';
import { useDocumentTitle } from './useDocumentTitle';

/** A page that needs the stored network: a title, the loading state, then the screen. */
export function NetworkPage({
  title,
  screen: Screen,
}: {
  title: string;
  screen: ComponentType<{ network: Network }>;
}) {
  const network = useNetwork();
  useDocumentTitle(title);
  if (!network)
    return (
      <p className="status" role="status">
        Het netwerk wordt geladen…
      </p>
    );
  return <Screen network={network} />;
}
