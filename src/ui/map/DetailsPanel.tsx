import type { GraphIndex } from '../../analysis/graphIndex';
import { categoryLabel, DOMAIN_LABELS, KIND_LABELS } from '../../domain/organisation';
import type { Source } from '../../domain/network';
import { memberCountText, partialListNote } from '../memberCount';
import { expectedIfPartial } from '../../analysis/networkStats';
import {
  RELATION_TYPE_LABELS,
  RELATION_TYPES,
  ROLE_LABELS,
  type RelationType,
} from '../../domain/relation';
import { sizeClassOf } from '../../domain/sizeClass';
import { formatNumber } from '../format';
import { brokerRank } from '../../analysis/groups';
import type { StructureResult } from '../../analysis/structure';
import { useMemo, useState } from 'react';
import { KnowledgeActions } from '../knowledge/KnowledgeActions';
import { Link } from 'react-router';
import { profileRoute } from '../profile/route';

interface Props {
  index: GraphIndex;
  selected: number;
  structure?: StructureResult | undefined;
  onSelect(index: number): void;
  onClose(): void;
  onEdit(): void;
  onAddRelation(): void;
  onRemove(): void;
}

interface Line {
  other: number;
  outgoing: boolean;
  role?: string;
  since?: string;
  source?: Source;
}

/** A source in words, linked when it has an address. */
function SourceText({ source }: { source: Source }) {
  const text = `${source.title}${source.year ? ` (${source.year})` : ''}`;
  return source.url ? (
    <a href={source.url} target="_blank" rel="noopener noreferrer">
      {text}
    </a>
  ) : (
    <>{text}</>
  );
}

/** Facts of the selected organisation and all its relations, grouped by type. */
export function DetailsPanel({
  index,
  selected,
  structure,
  onSelect,
  onClose,
  onEdit,
  onAddRelation,
  onRemove,
}: Props) {
  const [confirmRemove, setConfirmRemove] = useState(false);
  const ranks = useMemo(
    () => (structure?.betweenness ? brokerRank(structure.betweenness) : null),
    [structure],
  );
  const org = index.organisations[selected]!;
  const sizeClass = sizeClassOf(org.population);
  const sourceById = useMemo(() => new Map(index.network.sources.map((s) => [s.id, s])), [index]);
  const groups = new Map<RelationType, Line[]>();
  for (const k of index.incident[selected]!) {
    const r = index.relations[k]!;
    const outgoing = index.sources[k] === selected;
    const other = outgoing ? index.targets[k]! : index.sources[k]!;
    const list = groups.get(r.type) ?? [];
    list.push({
      other,
      outgoing,
      ...(r.role ? { role: ROLE_LABELS[r.role] } : {}),
      ...(r.since ? { since: r.since } : {}),
      ...(r.sourceId && sourceById.has(r.sourceId) ? { source: sourceById.get(r.sourceId)! } : {}),
    });
    groups.set(r.type, list);
  }
  const source = org.sourceId ? sourceById.get(org.sourceId) : undefined;
  const listed = index.memberCount[selected]!;
  const expected = expectedIfPartial(org, listed);
  return (
    <aside className="details" aria-labelledby="details-title" data-testid="details">
      <div className="details-head">
        <h2 id="details-title">{org.name}</h2>
        <button type="button" onClick={onClose} aria-label="Details sluiten">
          ✕
        </button>
      </div>
      <p className="kind-line">
        {KIND_LABELS[org.kind].nl}
        {org.category ? ` · ${categoryLabel(org.category)}` : ''}
      </p>
      <dl className="facts">
        {org.shortName && (
          <>
            <dt>Afkorting</dt>
            <dd>{org.shortName}</dd>
          </>
        )}
        {org.cbsCode && (
          <>
            <dt>CBS-code</dt>
            <dd>{org.cbsCode}</dd>
          </>
        )}
        {org.province && (
          <>
            <dt>Provincie</dt>
            <dd data-testid="fact-province">{org.province}</dd>
          </>
        )}
        {org.population !== undefined && (
          <>
            <dt>Inwoners</dt>
            <dd data-testid="fact-population">
              {formatNumber(org.population)}
              {org.populationYear ? ` (1 januari ${org.populationYear})` : ''}
            </dd>
          </>
        )}
        {sizeClass && (
          <>
            <dt>Grootteklasse</dt>
            <dd>
              {sizeClass.code}: {sizeClass.label}
            </dd>
          </>
        )}
        {org.domain && (
          <>
            <dt>Domein</dt>
            <dd>{DOMAIN_LABELS[org.domain]}</dd>
          </>
        )}
        {org.kind !== 'municipality' && (
          <>
            <dt>Leden en gebruikers</dt>
            <dd data-testid="fact-members">
              {memberCountText(listed, expected)}
              {expected !== undefined && (
                <span className="muted small" title={partialListNote(listed, expected)}>
                  {' '}
                  (lijst onvolledig)
                </span>
              )}
            </dd>
          </>
        )}
        {org.website && (
          <>
            <dt>Website</dt>
            <dd>
              <a href={org.website} target="_blank" rel="noopener noreferrer">
                {org.website.replace(/^https?:\/\//, '')}
              </a>
            </dd>
          </>
        )}
        {structure && (
          <>
            <dt>
              <abbr title="Organisaties die onderling sterker verbonden zijn dan met de rest van het netwerk">
                Groep
              </abbr>
            </dt>
            <dd>
              {structure.community[selected]! + 1} van {structure.communityCount}
            </dd>
          </>
        )}
        {structure?.betweenness && ranks && (
          <>
            <dt>
              <abbr title="Hoe vaak deze organisatie op de kortste weg tussen twee andere ligt: een hoge plaats betekent dat zij groepen met elkaar verbindt">
                Makelaarsrol
              </abbr>
            </dt>
            <dd
              data-testid="fact-broker"
              title={`Betweenness ${structure.betweenness[selected]!.toLocaleString('nl-NL', {
                maximumFractionDigits: 3,
              })}`}
            >
              nr. {formatNumber(ranks[selected]!)} van {formatNumber(ranks.length)}
            </dd>
          </>
        )}
        {source && (
          <>
            <dt>Bron</dt>
            <dd>
              <SourceText source={source} />
            </dd>
          </>
        )}
      </dl>
      {org.description && <p>{org.description}</p>}
      {org.kind === 'municipality' && (
        <p className="profile-link">
          <Link to={profileRoute(org.id)} data-testid="profile-link">
            Netwerkprofiel van {org.name}
          </Link>{' '}
          <span className="muted small">(één A4, voor college en raad)</span>
        </p>
      )}
      <div className="actions edit-actions">
        <button type="button" onClick={onEdit}>
          Bewerken
        </button>
        <button type="button" onClick={onAddRelation}>
          Relatie toevoegen
        </button>
        <button type="button" onClick={() => setConfirmRemove(true)}>
          Verwijderen
        </button>
      </div>
      {confirmRemove && (
        <div className="error-box" role="alertdialog" aria-label="Verwijderen bevestigen">
          <p>
            {org.name} verwijderen? {formatNumber(index.incident[selected]!.length)}{' '}
            {index.incident[selected]!.length === 1 ? 'relatie gaat' : 'relaties gaan'} mee. U kunt
            dit ongedaan maken.
          </p>
          <div className="actions">
            <button
              type="button"
              className="danger"
              onClick={() => {
                setConfirmRemove(false);
                onRemove();
              }}
            >
              Ja, verwijderen
            </button>
            <button type="button" onClick={() => setConfirmRemove(false)}>
              Nee
            </button>
          </div>
        </div>
      )}
      <KnowledgeActions index={index} selected={selected} />
      <h3>Relaties ({formatNumber(index.incident[selected]!.length)})</h3>
      {RELATION_TYPES.filter((t) => groups.has(t)).map((type) => {
        const lines = groups.get(type)!;
        lines.sort((a, b) =>
          index.organisations[a.other]!.name.localeCompare(
            index.organisations[b.other]!.name,
            'nl',
          ),
        );
        return (
          <details key={type} open={lines.length <= 30}>
            <summary>
              {RELATION_TYPE_LABELS[type].nl} ({formatNumber(lines.length)})
            </summary>
            <ul className="relation-list">
              {lines.map((line) => {
                const other = index.organisations[line.other]!;
                return (
                  <li key={`${line.other}-${line.outgoing}`}>
                    <span className="dir">
                      {line.outgoing
                        ? RELATION_TYPE_LABELS[type].verb
                        : RELATION_TYPE_LABELS[type].incoming}
                    </span>{' '}
                    <button type="button" className="link" onClick={() => onSelect(line.other)}>
                      {other.name}
                    </button>
                    {line.role && <span className={`badge role-${line.role}`}>{line.role}</span>}
                    {line.since && <span className="since"> sinds {line.since}</span>}
                    {line.source && (
                      <span className="source-ref" data-testid="relation-source">
                        bron: <SourceText source={line.source} />
                      </span>
                    )}
                  </li>
                );
              })}
            </ul>
          </details>
        );
      })}
    </aside>
  );
}
