import type { FieldChange, MergePlan } from '../../domain/merge';
import type { Network } from '../../domain/network';
import { DOMAIN_LABELS, KIND_LABELS, type OrganisationKind } from '../../domain/organisation';
import {
  RELATION_TYPE_LABELS,
  ROLE_LABELS,
  type RelationRole,
  type RelationType,
} from '../../domain/relation';
import { describePosition, isPosition } from '../../domain/knowledge';
import { DUTCH_FIELD_NAMES } from '../../io/tableRows';
import { formatNumber } from '../format';

// The merge preview, record by record: what a merge adds and what it changes,
// field by field (old -> new), and the kinds it would change only when asked.

const MAX_SHOWN = 100;

// The names a file's columns use; in a preview "bron" is the source, and a
// position reads as the role it records.
const FIELD_LABELS: Record<string, string> = {
  ...DUTCH_FIELD_NAMES,
  sourceId: 'bron',
  positions: 'koploper of volger',
};

function showValue(field: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return '(leeg)';
  if (field === 'kind') return KIND_LABELS[value as OrganisationKind]?.nl ?? String(value);
  if (field === 'type') return RELATION_TYPE_LABELS[value as RelationType]?.nl ?? String(value);
  if (field === 'role') return ROLE_LABELS[value as RelationRole] ?? String(value);
  if (field === 'domain')
    return DOMAIN_LABELS[value as keyof typeof DOMAIN_LABELS] ?? String(value);
  if (typeof value === 'number') return formatNumber(value);
  if (Array.isArray(value))
    return value.length
      ? value.map((v) => (isPosition(v) ? describePosition(v) : String(v))).join(', ')
      : '(leeg)';
  return `"${String(value)}"`;
}

function Changes({ changes, added }: { changes: FieldChange[]; added: boolean }) {
  return (
    <ul className="field-changes">
      {changes.map((c) => (
        <li key={c.field}>
          {FIELD_LABELS[c.field] ?? c.field}:{' '}
          {added
            ? showValue(c.field, c.after)
            : `${showValue(c.field, c.before)} → ${showValue(c.field, c.after)}`}
        </li>
      ))}
    </ul>
  );
}

interface Props {
  plan: MergePlan;
  current: Network;
  incoming: Network;
  /** Ids whose kind the user chose to take from the file. */
  acceptKinds: ReadonlySet<string>;
  onAcceptKind(id: string, accept: boolean): void;
  /** The file carried positions, which a merge does not use. */
  hasPositions: boolean;
}

export function MergePreview({
  plan,
  current,
  incoming,
  acceptKinds,
  onAcceptKind,
  hasPositions,
}: Props) {
  const names = new Map(
    [...incoming.organisations, ...current.organisations].map((o) => [o.id, o.name]),
  );
  for (const change of plan.organisationChanges) names.set(change.record.id, change.record.name);
  const name = (id: string) => names.get(id) ?? id;
  const orgs = plan.organisationChanges;
  const rels = plan.relationChanges;
  const status = (s: 'added' | 'updated') => (s === 'added' ? 'nieuw' : 'bijgewerkt');
  const matched = (by: string | undefined, from: string | undefined) =>
    by === 'cbsCode'
      ? ` (herkend aan de CBS-code${from ? `; in het bestand "${from}"` : ''})`
      : by === 'name'
        ? ` (herkend aan de naam${from ? `; in het bestand "${from}"` : ''})`
        : '';
  return (
    <div className="merge-preview" data-testid="merge-preview">
      <p data-testid="merge-plan">
        Samenvoegen geeft bij organisaties {plan.organisations.added} nieuw,{' '}
        {plan.organisations.updated} bijgewerkt en {plan.organisations.unchanged} ongewijzigd; bij
        relaties {plan.relations.added} nieuw, {plan.relations.updated} bijgewerkt en{' '}
        {plan.relations.unchanged} ongewijzigd.
      </p>
      {plan.kindConflicts.length > 0 && (
        <fieldset className="kind-conflicts" data-testid="kind-conflicts">
          <legend>
            Het bestand geeft {plan.kindConflicts.length === 1 ? 'een organisatie' : 'organisaties'}{' '}
            een andere soort. Die blijft zoals ze is, tenzij u hier kiest:
          </legend>
          {plan.kindConflicts.slice(0, MAX_SHOWN).map((c) => (
            <label key={c.id}>
              <input
                type="checkbox"
                checked={acceptKinds.has(c.id)}
                onChange={(e) => onAcceptKind(c.id, e.target.checked)}
              />{' '}
              {c.name}: soort {KIND_LABELS[c.current].nl} wijzigen in {KIND_LABELS[c.incoming].nl}
            </label>
          ))}
        </fieldset>
      )}
      {orgs.length > 0 && (
        <details open={orgs.length <= 20}>
          <summary>Organisaties die nieuw zijn of veranderen ({formatNumber(orgs.length)})</summary>
          <ul className="record-changes" data-testid="organisation-changes">
            {orgs.slice(0, MAX_SHOWN).map((c) => (
              <li key={c.record.id} data-id={c.record.id} data-status={c.status}>
                <strong>{c.record.name}</strong>: {status(c.status)}
                {matched(c.matchedBy, c.incomingId)}
                <Changes changes={c.changes} added={c.status === 'added'} />
              </li>
            ))}
          </ul>
          {orgs.length > MAX_SHOWN && <p>… en nog {formatNumber(orgs.length - MAX_SHOWN)}.</p>}
        </details>
      )}
      {rels.length > 0 && (
        <details open={rels.length <= 20}>
          <summary>Relaties die nieuw zijn of veranderen ({formatNumber(rels.length)})</summary>
          <ul className="record-changes" data-testid="relation-changes">
            {rels.slice(0, MAX_SHOWN).map((c) => (
              <li
                key={`${c.record.source}|${c.record.type}|${c.record.target}`}
                data-status={c.status}
              >
                <strong>
                  {name(c.record.source)} → {name(c.record.target)}
                </strong>{' '}
                ({RELATION_TYPE_LABELS[c.record.type].nl.toLowerCase()}): {status(c.status)}
                <Changes
                  changes={c.changes.filter(
                    (f) =>
                      !['source', 'target', 'type'].includes(f.field) || c.status === 'updated',
                  )}
                  added={c.status === 'added'}
                />
              </li>
            ))}
          </ul>
          {rels.length > MAX_SHOWN && <p>… en nog {formatNumber(rels.length - MAX_SHOWN)}.</p>}
        </details>
      )}
      {hasPositions && (
        <p>
          De posities uit het bestand worden bij samenvoegen niet gebruikt: de kaart houdt haar
          indeling en zet nieuwe organisaties bij wat ze verbindt.
        </p>
      )}
    </div>
  );
}
