import { useMemo, useRef, useState } from 'react';
import type { Network } from '../../domain/network';
import { SearchBox } from '../map/SearchBox';
import { LearnedFromForm } from './LearnedFromForm';
import { PositionForm } from './PositionForm';

interface Props {
  network: Network;
  /** The municipality to record for; null: the user picks one first. */
  organisationId: string | null;
  initialTheme?: string | undefined;
}

/** The two record buttons on the knowledge page, with their forms opening in place. */
export function RecordPanel({ network, organisationId, initialTheme }: Props) {
  const [open, setOpen] = useState<'position' | 'learned' | null>(null);
  const [picked, setPicked] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const municipalities = useMemo(
    () => network.organisations.filter((o) => o.kind === 'municipality'),
    [network],
  );
  const who = organisationId ?? picked;
  const org = who ? network.organisations.find((o) => o.id === who) : undefined;
  const close = () => {
    setOpen(null);
    opener.current?.focus({ preventScroll: true });
  };
  const toggle = (which: 'position' | 'learned', e: React.MouseEvent<HTMLButtonElement>) => {
    opener.current = e.currentTarget;
    setOpen((now) => (now === which ? null : which));
  };
  const labels = org
    ? [`${org.name} is koploper of volger…`, `${org.name} leerde van…`]
    : ['Koploper of volger vastleggen…', 'Geleerd van een ander vastleggen…'];
  return (
    <div className="record-panel" data-testid="record-panel">
      <div className="actions">
        <button
          type="button"
          className="primary"
          aria-expanded={open === 'position'}
          onClick={(e) => toggle('position', e)}
        >
          {labels[0]}
        </button>
        <button
          type="button"
          aria-expanded={open === 'learned'}
          onClick={(e) => toggle('learned', e)}
        >
          {labels[1]}
        </button>
      </div>
      {/* Without a recording municipality yet, the form asks first whom it is about. */}
      {open && !organisationId && (
        <SearchBox
          organisations={municipalities}
          label="Over welke gemeente gaat het?"
          initialQuery={org?.name ?? ''}
          onChoose={(i) => setPicked(municipalities[i]!.id)}
        />
      )}
      {org && open === 'position' && (
        <PositionForm
          key={org.id}
          network={network}
          organisationId={org.id}
          initialTheme={initialTheme}
          onDone={close}
        />
      )}
      {org && open === 'learned' && (
        <LearnedFromForm
          key={org.id}
          network={network}
          organisationId={org.id}
          initialTheme={initialTheme}
          onDone={close}
        />
      )}
    </div>
  );
}
