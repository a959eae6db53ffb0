import type { Network } from '../../domain/network';
import type { FieldErrors } from '../../io/validateRecord';
import { Field } from './Field';
import { RecorderChoice } from './RecorderChoice';

/**
 * What every recorded fact ends with: since when, the arguments for the
 * choice ("geef je intern rekenschap van de argumenten"), and for whom it is
 * recorded. Shared by the position and the "learned from" forms.
 */
export function FactFields({
  formId,
  errors,
  since,
  onSince,
  reason,
  onReason,
  reasonLabel,
  reasonHint,
  network,
  recorder,
  onRecorder,
}: {
  formId: string;
  errors: FieldErrors;
  since: string;
  onSince(value: string): void;
  reason: string;
  onReason(value: string): void;
  reasonLabel: string;
  reasonHint?: string;
  network: Network;
  recorder: string | null;
  onRecorder(id: string | null): void;
}) {
  return (
    <>
      <Field
        formId={formId}
        name="since"
        label="Sinds (niet verplicht)"
        hint="Een jaar, maand-jaar of datum: 2024, 3-2024 of 30-11-2026"
        error={errors.since}
      >
        {(props) => <input {...props} value={since} onChange={(e) => onSince(e.target.value)} />}
      </Field>
      <Field
        formId={formId}
        name="reason"
        label={reasonLabel}
        {...(reasonHint ? { hint: reasonHint } : {})}
        error={errors.reason}
      >
        {(props) => (
          <textarea {...props} rows={3} value={reason} onChange={(e) => onReason(e.target.value)} />
        )}
      </Field>
      <RecorderChoice
        network={network}
        value={recorder}
        onChange={onRecorder}
        error={errors.recorder}
      />
    </>
  );
}

/** The end of a recording form: what could not be placed at a field, a failure, and the buttons. */
export function RecordFooter({
  unplaced,
  failure,
  onCancel,
}: {
  /** Messages of fields the form does not show, as [field, message]. */
  unplaced: readonly (readonly [string, string | undefined])[];
  failure: string | null;
  onCancel(): void;
}) {
  return (
    <>
      {unplaced.length > 0 && (
        <p className="field-error" role="alert">
          Niet opgeslagen: {unplaced.map(([, m]) => m).join(' ')}
        </p>
      )}
      {failure && (
        <p className="error-box" role="alert">
          {failure}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          Vastleggen
        </button>
        <button type="button" onClick={onCancel}>
          Annuleren
        </button>
      </div>
    </>
  );
}
