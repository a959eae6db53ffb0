/** The route of a municipality's network profile; small, so the map can link to it without loading the page. */
export const profileRoute = (id: string): string => `/profiel?gemeente=${encodeURIComponent(id)}`;
