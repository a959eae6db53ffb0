import { useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import { municipalityKnowledge } from '../../analysis/knowledge';
import type { GraphIndex } from '../../analysis/graphIndex';
import { ROLE_LABELS } from '../../domain/relation';
import { LearnedFromForm } from './LearnedFromForm';
import { PositionForm } from './PositionForm';
import './knowledge.css';

type Open = 'position' | 'learned' | null;

/**
 * In a municipality's details: where it leads and follows, and the two
 * buttons that record it in half a minute.
 */
export function KnowledgeActions({ index, selected }: { index: GraphIndex; selected: number }) {
  const org = index.organisations[selected]!;
  const [open, setOpen] = useState<Open>(null);
  const [openFor, setOpenFor] = useState(org.id);
  // Another organisation selected: a half-filled form belongs to the previous one.
  if (openFor !== org.id) {
    setOpenFor(org.id);
    setOpen(null);
  }
  const opener = useRef<HTMLButtonElement | null>(null);
  const standings = useMemo(
    () => (org.kind === 'municipality' ? municipalityKnowledge(index, selected) : []),
    [index, selected, org.kind],
  );
  if (org.kind !== 'municipality') return null;
  const active = standings.filter((s) => s.role);
  const close = () => {
    setOpen(null);
    opener.current?.focus({ preventScroll: true });
  };
  const toggle = (which: Open, e: React.MouseEvent<HTMLButtonElement>) => {
    opener.current = e.currentTarget;
    setOpen((now) => (now === which ? null : which));
  };
  return (
    <section className="knowledge-actions" aria-labelledby="knowledge-actions-title">
      <h3 id="knowledge-actions-title">Kennis</h3>
      {active.length === 0 ? (
        <p className="hint">Nog geen koploper- of volgerrol vastgelegd.</p>
      ) : (
        <ul className="standing-list" data-testid="details-standings">
          {active.map((s) => (
            <li key={s.theme.id}>
              <span className={`badge role-${s.role}`}>{ROLE_LABELS[s.role!]}</span> {s.theme.label}
              {s.learnedFrom.length > 0 &&
                `: leerde van ${s.learnedFrom.map((f) => index.organisations[f.from]!.name).join(', ')}`}
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button
          type="button"
          aria-expanded={open === 'position'}
          onClick={(e) => toggle('position', e)}
        >
          Koploper of volger…
        </button>
        <button
          type="button"
          aria-expanded={open === 'learned'}
          onClick={(e) => toggle('learned', e)}
        >
          Geleerd van…
        </button>
        <Link to={`/kennis?gemeente=${encodeURIComponent(org.id)}`}>Kennisoverzicht</Link>
      </div>
      {open === 'position' && (
        <PositionForm network={index.network} organisationId={org.id} onDone={close} />
      )}
      {open === 'learned' && (
        <LearnedFromForm network={index.network} organisationId={org.id} onDone={close} />
      )}
    </section>
  );
}
