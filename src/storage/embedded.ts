import embeddedUrl from '../../data/netwerkkaart-nl.json?url';
import type { Network } from '../domain/network';
import { validateValue } from '../io/validateDocument';

// The national dataset ships as a static asset next to the bundle, so the
// first paint does not wait for it to be parsed inside the script.
export async function loadEmbeddedNetwork(): Promise<Network> {
  const response = await fetch(embeddedUrl);
  if (!response.ok)
    throw new Error(`De landelijke gegevens konden niet worden geladen (${response.status}).`);
  const result = validateValue(await response.json());
  if (!result.ok)
    throw new Error(
      `De landelijke gegevens zijn ongeldig: ${result.errors[0]?.where} ${result.errors[0]?.message}`,
    );
  return result.network;
}
