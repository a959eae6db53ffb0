import { useId, useState, type FormEvent } from 'react';
import type { Network } from '../../domain/network';
import {
  RELATION_ROLES,
  RELATION_TYPE_LABELS,
  RELATION_TYPES,
  ROLE_LABELS,
  type RelationType,
} from '../../domain/relation';
import { validateRelation, type FieldErrors } from '../../io/validateRecord';
import { SearchBox } from '../map/SearchBox';
import { useEditor } from './useEditor';

interface Props {
  network: Network;
  /** The organisation the relation starts from. */
  sourceId: string;
  /** An organisation picked on the map or in the table while the form is open. */
  picked?: string | null;
  onDone(): void;
}

/** Add a relation from the selected organisation to one picked by search. */
export function RelationForm({ network, sourceId, picked, onDone }: Props) {
  const [chosen, setTarget] = useState<{ id: string; from: 'search' | 'map' } | null>(null);
  // The latest pick wins: a click on the map after a search replaces the search.
  const [lastPicked, setLastPicked] = useState(picked ?? null);
  if ((picked ?? null) !== lastPicked) {
    setLastPicked(picked ?? null);
    if (picked) setTarget({ id: picked, from: 'map' });
  }
  const target = chosen?.id ?? null;
  const [type, setType] = useState<RelationType>('member');
  const [role, setRole] = useState('');
  const [since, setSince] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const { apply } = useEditor();
  const formId = useId();
  const source = network.organisations.find((o) => o.id === sourceId);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    const result = validateRelation(
      { source: sourceId, target: target ?? '', type, role, since, note },
      network,
    );
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    try {
      await apply([{ type: 'putRelation', before: null, after: result.value }]);
      onDone();
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
    }
  }

  const error = (id: string) =>
    errors[id] ? (
      <span className="field-error" role="alert">
        {errors[id]}
      </span>
    ) : null;

  return (
    <form
      className="edit-form panel"
      onSubmit={(e) => void submit(e)}
      aria-labelledby={`${formId}-title`}
      data-testid="relation-form"
      noValidate
    >
      <h2 id={`${formId}-title`}>Relatie toevoegen vanaf {source?.name ?? sourceId}</h2>
      <SearchBox
        organisations={network.organisations}
        label="Met organisatie"
        onChoose={(i) => setTarget({ id: network.organisations[i]!.id, from: 'search' })}
      />
      <p className="hint" data-testid="relation-target">
        {target
          ? `Gekozen: ${network.organisations.find((o) => o.id === target)?.name ?? target}`
          : 'Zoek de organisatie, of klik haar aan op de kaart of in de tabel.'}
      </p>
      {error('target')}
      <div className="form-field">
        <label htmlFor={`${formId}-type`}>Soort relatie</label>
        <select
          id={`${formId}-type`}
          value={type}
          onChange={(e) => setType(e.target.value as RelationType)}
        >
          {RELATION_TYPES.map((t) => (
            <option key={t} value={t}>
              {RELATION_TYPE_LABELS[t].nl} ({RELATION_TYPE_LABELS[t].verb})
            </option>
          ))}
        </select>
        {error('type')}
      </div>
      <div className="form-field">
        <label htmlFor={`${formId}-role`}>Rol</label>
        <select id={`${formId}-role`} value={role} onChange={(e) => setRole(e.target.value)}>
          <option value="">—</option>
          {RELATION_ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABELS[r]}
            </option>
          ))}
        </select>
      </div>
      <div className="form-field">
        <label htmlFor={`${formId}-since`}>Sinds</label>
        <input
          id={`${formId}-since`}
          value={since}
          placeholder="JJJJ of JJJJ-MM-DD"
          onChange={(e) => setSince(e.target.value)}
        />
        {error('since')}
      </div>
      <div className="form-field">
        <label htmlFor={`${formId}-note`}>Notitie</label>
        <input id={`${formId}-note`} value={note} onChange={(e) => setNote(e.target.value)} />
        {error('note')}
      </div>
      {errors.source && (
        <p className="field-error" role="alert">
          {errors.source}
        </p>
      )}
      {failure && (
        <p className="error-box" role="alert">
          {failure}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          Relatie opslaan
        </button>
        <button type="button" onClick={onDone}>
          Annuleren
        </button>
      </div>
    </form>
  );
}
