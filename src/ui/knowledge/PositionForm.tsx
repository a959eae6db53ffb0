import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { positionKey } from '../../domain/knowledge';
import type { Network } from '../../domain/network';
import { displayName } from '../../domain/organisation';
import { ROLE_LABELS, type RelationRole } from '../../domain/relation';
import { validatePosition } from '../../io/validateKnowledge';
import { validateOrganisation, type FieldErrors } from '../../io/validateRecord';
import { parseSince } from './dates';
import { Field, focusFirstError } from './Field';
import { FactFields, RecordFooter } from './FactFields';
import { ThemeSelect } from './ThemeSelect';
import { useRecording } from './useRecording';

interface Props {
  network: Network;
  /** The municipality that takes the position. */
  organisationId: string;
  initialTheme?: string | undefined;
  onDone(): void;
}

const FIELD_ORDER = ['recorder', 'role', 'theme', 'network', 'since', 'reason'];

/** "Wij zijn koploper / volger op …": theme, optional network or service, date and arguments. */
export function PositionForm({ network, organisationId, initialTheme, onDone }: Props) {
  const org = network.organisations.find((o) => o.id === organisationId);
  const themes = useMemo(() => network.themes ?? [], [network]);
  const [role, setRole] = useState<RelationRole | ''>('');
  const [theme, setTheme] = useState(initialTheme ?? '');
  const [within, setWithin] = useState('');
  const [since, setSince] = useState('');
  const [reason, setReason] = useState('');
  const [chosenRecorder, setChosenRecorder] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const { recorderId, sourceFor, record } = useRecording();
  const recorder = chosenRecorder ?? recorderId ?? (org?.kind === 'municipality' ? org.id : null);
  const formId = useId();

  useEffect(() => {
    document.getElementById(`${formId}-role-frontrunner`)?.focus({ preventScroll: true });
  }, [formId]);

  // The theme's own networks and services first: those are what people mean.
  const { ofTheme, others } = useMemo(() => {
    const candidates = network.organisations
      .filter((o) => o.kind !== 'municipality')
      .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    return {
      ofTheme: candidates.filter((o) => theme && o.themes?.includes(theme)),
      others: candidates.filter((o) => !(theme && o.themes?.includes(theme))),
    };
  }, [network, theme]);

  const existing = org?.positions?.find(
    (p) => positionKey(p) === positionKey({ theme, ...(within ? { network: within } : {}) }),
  );

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    if (!org) return;
    const context = recorder ? sourceFor(network, recorder) : null;
    const input = {
      theme,
      role,
      network: within,
      since: parseSince(since),
      reason: reason.trim(),
      ...(context ? { sourceId: context.source.id } : {}),
    };
    const checked = validatePosition(input, context?.network ?? network, org.id);
    const found: FieldErrors = checked.ok ? {} : { ...checked.errors };
    if (!context) found.recorder = 'Kies namens welke gemeente u vastlegt';
    if (!checked.ok || !context) {
      setErrors(found);
      focusFirstError(formId, FIELD_ORDER.filter((f) => found[f]).map(fieldTarget));
      return;
    }
    const key = positionKey(checked.value);
    const positions = [
      ...(org.positions ?? []).filter((p) => positionKey(p) !== key),
      checked.value,
    ];
    const whole = validateOrganisation({ ...org, positions }, context.network, {
      editingId: org.id,
    });
    if (!whole.ok) {
      setErrors(whole.errors);
      return;
    }
    setErrors({});
    const themeLabel = themes.find((t) => t.id === checked.value.theme)?.label ?? theme;
    try {
      await record(
        context.source,
        recorder!,
        [{ type: 'putOrganisation', before: org, after: whole.value }],
        `${displayName(org)} is ${ROLE_LABELS[checked.value.role]} op het thema ${themeLabel}`,
      );
      onDone();
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    }
  }

  if (!org) return null;
  const unplaced = Object.entries(errors).filter(([k]) => !FIELD_ORDER.includes(k));
  return (
    <form
      className="edit-form knowledge-form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby={`${formId}-title`}
      data-testid="position-form"
      noValidate
    >
      <h3 id={`${formId}-title`}>{org.name}: koploper of volger</h3>
      <fieldset aria-describedby={errors.role ? `${formId}-role-error` : undefined}>
        <legend>Wij zijn op dit thema</legend>
        <label>
          <input
            type="radio"
            name={`${formId}-role`}
            id={`${formId}-role-frontrunner`}
            checked={role === 'frontrunner'}
            onChange={() => setRole('frontrunner')}
          />{' '}
          koploper: wij ontwikkelen en delen
        </label>
        <label>
          <input
            type="radio"
            name={`${formId}-role`}
            checked={role === 'follower'}
            onChange={() => setRole('follower')}
          />{' '}
          volger: wij nemen over wat anderen ontwikkelden
        </label>
        {errors.role && (
          <span className="field-error" id={`${formId}-role-error`}>
            {errors.role}
          </span>
        )}
      </fieldset>
      <Field formId={formId} name="theme" label="Thema" error={errors.theme}>
        {(props) => (
          <ThemeSelect
            id={props.id}
            themes={themes}
            value={theme}
            onChange={setTheme}
            invalid={!!props['aria-invalid']}
            describedBy={props['aria-describedby']}
          />
        )}
      </Field>
      <Field
        formId={formId}
        name="network"
        label="In netwerk of dienst (niet verplicht)"
        error={errors.network}
      >
        {(props) => (
          <select {...props} value={within} onChange={(e) => setWithin(e.target.value)}>
            <option value="">— geen —</option>
            {ofTheme.length > 0 && (
              <optgroup label="Bij dit thema">
                {ofTheme.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </optgroup>
            )}
            <optgroup label={ofTheme.length > 0 ? 'Andere' : 'Netwerken en diensten'}>
              {others.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </optgroup>
          </select>
        )}
      </Field>
      <FactFields
        formId={formId}
        errors={errors}
        since={since}
        onSince={setSince}
        reason={reason}
        onReason={setReason}
        reasonLabel="Argumenten voor de keuze (niet verplicht)"
        reasonHint="Waarom loopt u voorop, of waarom volgt u? Zo kan een ander er later op verder."
        network={network}
        recorder={recorder}
        onRecorder={setChosenRecorder}
      />
      {existing && (
        <p className="hint" data-testid="replaces-position">
          Dit vervangt wat eerder is vastgelegd voor dit thema
          {existing.network ? ' en dit netwerk' : ''} ({ROLE_LABELS[existing.role]}).
        </p>
      )}
      <RecordFooter unplaced={unplaced} failure={failure} onCancel={onDone} />
    </form>
  );
}

// The role is a group of radio buttons: its first button takes the focus.
const fieldTarget = (field: string) => (field === 'role' ? 'role-frontrunner' : field);
