import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { Network } from '../../domain/network';
import {
  KIND_LABELS,
  ORGANISATION_KINDS,
  PROVINCES,
  type Organisation,
  type OrganisationKind,
} from '../../domain/organisation';
import { ORGANISATION_FIELD_LABELS } from '../../domain/edits';
import { validateOrganisation, type FieldErrors } from '../../io/validateRecord';
import { useEditor } from './useEditor';

interface Props {
  network: Network;
  /** The organisation to change; null to add one. */
  editing: Organisation | null;
  onDone(id: string | null): void;
}

type Draft = Record<string, string>;

const TEXT_FIELDS: {
  id: keyof Organisation;
  label: string;
  kinds?: OrganisationKind[];
  type?: string;
  hint?: string;
}[] = [
  { id: 'name', label: 'Naam' },
  { id: 'shortName', label: 'Afkorting' },
  { id: 'category', label: 'Categorie', hint: 'bijv. veiligheidsregio, stedennetwerk, ministerie' },
  {
    id: 'cbsCode',
    label: 'CBS-code',
    kinds: ['municipality'],
    hint: 'GM gevolgd door vier cijfers',
  },
  { id: 'population', label: 'Inwoners', kinds: ['municipality'], type: 'number' },
  {
    id: 'populationYear',
    label: 'Jaar van het inwonertal',
    kinds: ['municipality'],
    type: 'number',
  },
  { id: 'website', label: 'Website', type: 'url', hint: 'begint met https://' },
  { id: 'description', label: 'Omschrijving' },
];

// Whole numbers may be typed the Dutch way, with dots between thousands;
// coordinates are decimals, with a point or a comma.
const WHOLE_NUMBER_FIELDS = new Set(['population', 'populationYear']);
const DECIMAL_FIELDS = new Set(['lat', 'lon']);

function parseField(field: string, value: string): unknown {
  if (value.trim() === '') return value;
  if (WHOLE_NUMBER_FIELDS.has(field)) return Number(value.replace(/[.\s]/g, ''));
  if (DECIMAL_FIELDS.has(field)) return Number(value.trim().replace(',', '.'));
  return value;
}

function toDraft(org: Organisation | null): Draft {
  const d: Draft = { kind: org?.kind ?? 'association', id: org?.id ?? '' };
  if (org)
    for (const [k, v] of Object.entries(org))
      if (typeof v === 'string' || typeof v === 'number') d[k] = String(v);
  return d;
}

const slug = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);

/** Add or change an organisation, with the same checks as an import and a message per field. */
export function OrganisationForm({ network, editing, onDone }: Props) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(editing));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  // A figure the user types does not come from the record's source: by default
  // the source is let go when anything changes, so the map does not credit CBS
  // (say) with a number it never published.
  const [keepSource, setKeepSource] = useState(false);
  const source = editing?.sourceId
    ? network.sources.find((s) => s.id === editing.sourceId)
    : undefined;
  const changed = editing !== null && JSON.stringify(toDraft(editing)) !== JSON.stringify(draft);
  const { apply } = useEditor();
  const formId = useId();
  const kind = draft.kind as OrganisationKind;
  // Focus goes into the form when it opens and back to what opened it when it closes.
  const opener = useRef<Element | null>(null);
  useEffect(() => {
    opener.current = document.activeElement;
    document.getElementById(`${formId}-name`)?.focus({ preventScroll: true });
  }, [formId]);
  function close(id: string | null) {
    const back = opener.current;
    onDone(id);
    if (back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
  }

  function set(field: string, value: string) {
    setDraft((d) => {
      const next = { ...d, [field]: value };
      // A new organisation gets an id from its name (or CBS code), unless one was typed.
      if (
        !editing &&
        (field === 'name' || field === 'cbsCode') &&
        (!d.id || d.id === slug(d.name ?? '') || d.id === d.cbsCode)
      )
        next.id =
          next.kind === 'municipality' && next.cbsCode ? next.cbsCode : slug(next.name ?? '');
      return next;
    });
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const input: Record<string, unknown> = { ...(editing ?? {}) };
    for (const [k, v] of Object.entries(draft)) {
      if (
        kind !== 'municipality' &&
        ['cbsCode', 'population', 'populationYear', 'province'].includes(k)
      ) {
        delete input[k];
        continue;
      }
      input[k] = parseField(k, v);
    }
    if (editing?.sourceId && changed && !keepSource) delete input.sourceId;
    const result = validateOrganisation(input, network, editing ? { editingId: editing.id } : {});
    if (!result.ok) {
      setErrors(result.errors);
      // The first field to correct gets the focus (after the render that marks it).
      const first = Object.keys(result.errors)[0];
      requestAnimationFrame(() => document.getElementById(`${formId}-${first}`)?.focus());
      return;
    }
    setErrors({});
    try {
      await apply([{ type: 'putOrganisation', before: editing, after: result.value }]);
      close(result.value.id);
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    }
  }

  const field = (id: string, label: string, input: React.ReactNode, hint?: string) => (
    <div className={`form-field${errors[id] ? ' invalid' : ''}`} key={id}>
      <label htmlFor={`${formId}-${id}`}>{label}</label>
      {input}
      {hint && !errors[id] && <span className="hint">{hint}</span>}
      {errors[id] && (
        <span className="field-error" id={`${formId}-${id}-error`}>
          {errors[id]}
        </span>
      )}
    </div>
  );
  const inputProps = (id: string) => ({
    id: `${formId}-${id}`,
    value: draft[id] ?? '',
    'aria-invalid': errors[id] ? true : undefined,
    'aria-describedby': errors[id] ? `${formId}-${id}-error` : undefined,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      set(id, e.target.value),
  });

  const shownFields = new Set([
    'kind',
    'id',
    ...TEXT_FIELDS.filter((f) => !f.kinds || f.kinds.includes(kind)).map((f) => f.id as string),
    ...(kind === 'municipality' ? ['province'] : []),
  ]);

  return (
    <form
      className="edit-form panel"
      onSubmit={(e) => void submit(e)}
      aria-labelledby={`${formId}-title`}
      data-testid="organisation-form"
      noValidate
    >
      <h2 id={`${formId}-title`}>{editing ? `${editing.name} bewerken` : 'Nieuwe organisatie'}</h2>
      {field(
        'kind',
        'Soort',
        <select {...inputProps('kind')} disabled={!!editing}>
          {ORGANISATION_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k].nl}
            </option>
          ))}
        </select>,
      )}
      {TEXT_FIELDS.filter((f) => !f.kinds || f.kinds.includes(kind)).map((f) =>
        field(
          f.id,
          f.label,
          <input
            type={f.type === 'number' ? 'text' : (f.type ?? 'text')}
            inputMode={f.type === 'number' ? 'numeric' : undefined}
            {...inputProps(f.id)}
          />,
          f.hint,
        ),
      )}
      {kind === 'municipality' &&
        field(
          'province',
          'Provincie',
          <select {...inputProps('province')}>
            <option value="">—</option>
            {[...PROVINCES]
              .sort((a, b) => a.localeCompare(b, 'nl'))
              .map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
          </select>,
        )}
      {field(
        'id',
        'Id',
        <input {...inputProps('id')} readOnly={!!editing} />,
        editing ? 'De id blijft gelijk.' : 'Uniek; wordt gebruikt in links en exports.',
      )}
      {source && changed && (
        <div className="form-field">
          <label className="check">
            <input
              type="checkbox"
              checked={keepSource}
              onChange={(e) => setKeepSource(e.target.checked)}
            />
            De gewijzigde gegevens komen ook uit &lsquo;{source.title}&rsquo;
          </label>
          <span className="hint">
            Zonder vinkje wordt de bron losgekoppeld: de kaart schrijft uw invoer dan niet aan die
            bron toe.
          </span>
        </div>
      )}
      {failure && (
        <p className="error-box" role="alert">
          {failure}
        </p>
      )}
      {Object.keys(errors).length > 0 && (
        <p className="field-error" role="alert">
          Niet opgeslagen: controleer{' '}
          {Object.keys(errors).length === 1 ? 'het gemarkeerde veld' : 'de gemarkeerde velden'}.
          {Object.entries(errors)
            .filter(([k]) => !shownFields.has(k))
            // Fields the form has no input for are named in the summary.
            .map(
              ([k, message]) =>
                ` ${(ORGANISATION_FIELD_LABELS as Record<string, string>)[k] ?? k}: ${message}`,
            )
            .join('')}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          Opslaan
        </button>
        <button type="button" onClick={() => close(null)}>
          Annuleren
        </button>
      </div>
    </form>
  );
}
