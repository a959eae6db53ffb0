import { useMemo } from 'react';
import { incomingKnowledge } from '../../analysis/additions';
import type { Network } from '../../domain/network';
import { ROLE_LABELS } from '../../domain/relation';
import { formatNumber } from '../format';
import { formatSince } from './dates';

const MAX_SHOWN = 50;

/** In the merge preview: the koploper/volger facts a file adds, each with who recorded it. */
export function IncomingKnowledge({ current, incoming }: { current: Network; incoming: Network }) {
  const facts = useMemo(() => incomingKnowledge(current, incoming), [current, incoming]);
  if (facts.length === 0) return null;
  const names = new Map(
    [...current.organisations, ...incoming.organisations].map((o) => [o.id, o.name]),
  );
  const themes = new Map(
    [...(current.themes ?? []), ...(incoming.themes ?? [])].map((t) => [t.id, t.label]),
  );
  const sources = new Map([...current.sources, ...incoming.sources].map((s) => [s.id, s.title]));
  const name = (id: string) => names.get(id) ?? id;
  const theme = (id: string) => themes.get(id) ?? id;
  const by = (sourceId: string | undefined) =>
    sourceId && sources.has(sourceId) ? ` — ${sources.get(sourceId)}` : '';
  return (
    <div className="incoming-knowledge" data-testid="incoming-knowledge">
      <h4>
        Kennis die dit bestand toevoegt ({formatNumber(facts.length)}{' '}
        {facts.length === 1 ? 'feit' : 'feiten'})
      </h4>
      <ul>
        {facts.slice(0, MAX_SHOWN).map((f, i) => (
          <li key={i}>
            {f.kind === 'position'
              ? `${name(f.organisation)} is ${ROLE_LABELS[f.position.role]} op het thema ${theme(f.position.theme)}` +
                (f.position.network ? ` (in ${name(f.position.network)})` : '') +
                (f.position.since ? `, sinds ${formatSince(f.position.since)}` : '') +
                by(f.position.sourceId)
              : `${name(f.learner)} leerde van ${name(f.from)}` +
                (f.relation.themes?.length
                  ? ` (thema ${f.relation.themes.map(theme).join(', ')})`
                  : '') +
                by(f.relation.sourceId)}
          </li>
        ))}
      </ul>
      {facts.length > MAX_SHOWN && <p>… en nog {formatNumber(facts.length - MAX_SHOWN)}.</p>}
    </div>
  );
}
