import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import type { Network } from '../../domain/network';
import { displayName } from '../../domain/organisation';
import { relationKey, type Relation } from '../../domain/relation';
import { validateRelation, type FieldErrors } from '../../io/validateRecord';
import { SearchBox } from '../map/SearchBox';
import { parseSince } from './dates';
import { Field, focusFirstError } from './Field';
import { FactFields, RecordFooter } from './FactFields';
import { ThemeSelect } from './ThemeSelect';
import { useRecording } from './useRecording';

interface Props {
  network: Network;
  /** The learner. */
  organisationId: string;
  initialTheme?: string | undefined;
  onDone(): void;
}

const FIELD_ORDER = ['target', 'theme', 'since', 'reason'];

/**
 * "Geleerd van …": a knowledge relation from the learner to the one learned
 * from (role follower), on a theme, with a date and the arguments. Learning
 * from the same one again on another theme adds the theme to that relation.
 */
export function LearnedFromForm({ network, organisationId, initialTheme, onDone }: Props) {
  const org = network.organisations.find((o) => o.id === organisationId);
  const themes = useMemo(() => network.themes ?? [], [network]);
  const candidates = useMemo(
    () => network.organisations.filter((o) => o.id !== organisationId),
    [network, organisationId],
  );
  const [target, setTarget] = useState<string | null>(null);
  const [theme, setTheme] = useState(initialTheme ?? '');
  const [since, setSince] = useState('');
  const [reason, setReason] = useState('');
  const [chosenRecorder, setChosenRecorder] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const { recorderId, sourceFor, record } = useRecording();
  const recorder = chosenRecorder ?? recorderId ?? (org?.kind === 'municipality' ? org.id : null);
  const formId = useId();
  const searchLabel = 'Geleerd van (zoek de gemeente of organisatie)';

  useEffect(() => {
    const form = document.getElementById(formId);
    form?.querySelector<HTMLInputElement>('input[role="combobox"]')?.focus({ preventScroll: true });
  }, [formId]);

  const key = target
    ? relationKey({ source: organisationId, target, type: 'knowledge' })
    : undefined;
  const existing = key ? network.relations.find((r) => relationKey(r) === key) : undefined;
  const targetOrg = target ? network.organisations.find((o) => o.id === target) : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    if (!org) return;
    const context = recorder ? sourceFor(network, recorder) : null;
    const found: FieldErrors = {};
    if (!target) found.target = 'Zoek en kies van wie u leerde';
    if (!theme) found.theme = 'Kies een thema';
    if (!context) found.recorder = 'Kies namens welke gemeente u vastlegt';
    const themeIds = [...new Set([...(existing?.themes ?? []), ...(theme ? [theme] : [])])];
    const input: Record<string, unknown> = {
      ...(existing ?? {}),
      source: org.id,
      target: target ?? '',
      type: 'knowledge',
      role: 'follower',
      themes: themeIds,
      ...(since.trim() ? { since: parseSince(since) } : {}),
      ...(reason.trim() ? { reason: reason.trim() } : {}),
      ...(context ? { sourceId: context.source.id } : {}),
    };
    const checked = validateRelation(
      input,
      context?.network ?? network,
      existing ? { editingKey: key! } : {},
    );
    if (!checked.ok) {
      for (const [field, message] of Object.entries(checked.errors))
        found[field === 'themes' ? 'theme' : field] ??= message;
    }
    if (!checked.ok || Object.keys(found).length > 0 || !context) {
      setErrors(found);
      focusFirstError(
        formId,
        FIELD_ORDER.filter((f) => found[f] && f !== 'target'),
      );
      return;
    }
    setErrors({});
    const value: Relation = checked.value;
    const themeLabel = themes.find((t) => t.id === theme)?.label ?? theme;
    try {
      await record(
        context.source,
        recorder!,
        [{ type: 'putRelation', before: existing ?? null, after: value }],
        `${displayName(org)} leerde van ${targetOrg ? displayName(targetOrg) : target} (thema ${themeLabel})`,
      );
      onDone();
    } catch (e) {
      setFailure(e instanceof Error ? e.message : String(e));
    }
  }

  if (!org) return null;
  const unplaced = Object.entries(errors).filter(
    ([k]) => ![...FIELD_ORDER, 'recorder'].includes(k),
  );
  return (
    <form
      id={formId}
      className="edit-form knowledge-form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby={`${formId}-title`}
      data-testid="learned-form"
      noValidate
    >
      <h3 id={`${formId}-title`}>{org.name} leerde van …</h3>
      <div className={`form-field${errors.target ? ' invalid' : ''}`}>
        <SearchBox
          organisations={candidates}
          label={searchLabel}
          onChoose={(i) => setTarget(candidates[i]!.id)}
        />
        <span className="hint" data-testid="learned-target">
          {targetOrg ? `Gekozen: ${targetOrg.name}` : 'Nog niemand gekozen.'}
        </span>
        {errors.target && (
          <span className="field-error" role="alert">
            {errors.target}
          </span>
        )}
      </div>
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
      <FactFields
        formId={formId}
        errors={errors}
        since={since}
        onSince={setSince}
        reason={reason}
        onReason={setReason}
        reasonLabel="Waarom van hen? Argumenten voor de keuze (niet verplicht)"
        network={network}
        recorder={recorder}
        onRecorder={setChosenRecorder}
      />
      {existing && targetOrg && (
        <p className="hint" data-testid="extends-relation">
          {org.name} heeft al een kennisrelatie met {targetOrg.name}; het thema wordt eraan
          toegevoegd.
        </p>
      )}
      <RecordFooter unplaced={unplaced} failure={failure} onCancel={onDone} />
    </form>
  );
}
