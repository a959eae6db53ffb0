import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useNavigation, useSearchParams } from 'react-router';

export type ParamChanges = Record<string, string | null>;

/**
 * Screen state kept in the URL's query, so every screen is a link.
 *
 * The router commits a navigation asynchronously; on a busy machine a
 * controlled checkbox or text field would show the old URL's value for a
 * moment and lose the keystroke or click. A change is therefore held in
 * component state until the URL has caught up (and dropped once the URL moves
 * on, by this change or by back and forward).
 */
export function useUrlParams(): [
  URLSearchParams,
  (changes: ParamChanges | ((current: URLSearchParams) => URLSearchParams), push?: boolean) => void,
] {
  const [urlParams, setUrlParams] = useSearchParams();
  const key = urlParams.toString();
  const [pending, setPending] = useState<{ base: string; query: string } | null>(null);
  if (pending && pending.base !== key) setPending(null);
  const query = pending?.base === key ? pending.query : key;
  const params = useMemo(() => new URLSearchParams(query), [query]);

  // Changes build on the newest query, also when two come before a render.
  const latest = useRef({ key, query });
  useLayoutEffect(() => {
    latest.current = { key, query };
  }, [key, query]);

  // A late change (an answer from storage, say) must not pull the user back
  // from a page they are already on their way to, or left.
  const { pathname } = useLocation();
  const navigation = useNavigation();
  const leaving = useRef(false);
  useLayoutEffect(() => {
    leaving.current = !!navigation.location && navigation.location.pathname !== pathname;
  }, [navigation.location, pathname]);
  useLayoutEffect(
    () => () => {
      leaving.current = true;
    },
    [],
  );

  const set = useCallback(
    (changes: ParamChanges | ((current: URLSearchParams) => URLSearchParams), push = false) => {
      if (leaving.current) return;
      const current = new URLSearchParams(latest.current.query);
      let next: URLSearchParams;
      if (typeof changes === 'function') next = changes(current);
      else {
        next = current;
        for (const [k, v] of Object.entries(changes)) {
          if (v === null) next.delete(k);
          else next.set(k, v);
        }
      }
      const nextQuery = next.toString();
      latest.current = { key: latest.current.key, query: nextQuery };
      setPending({ base: latest.current.key, query: nextQuery });
      setUrlParams(next, { replace: !push });
    },
    [setUrlParams],
  );
  return [params, set];
}
