import { useId, useMemo, useState } from 'react';
import { searchOrganisations } from '../../analysis/search';
import { KIND_LABELS, type Organisation } from '../../domain/organisation';

interface Props {
  organisations: readonly Organisation[];
  onChoose(index: number): void;
  label?: string;
  /** Text the field starts with (the organisation already chosen, say). */
  initialQuery?: string;
  placeholder?: string;
}

/** A combobox (WAI-ARIA 1.2): type, arrows to move, Enter to choose, Escape to close. */
export function SearchBox({
  organisations,
  onChoose,
  label = 'Zoek een organisatie',
  initialQuery = '',
  placeholder = 'naam, afkorting of CBS-code',
}: Props) {
  const [query, setQuery] = useState(initialQuery);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const inputId = useId();
  const hits = useMemo(() => searchOrganisations(organisations, query, 8), [organisations, query]);

  function choose(i: number) {
    const hit = hits[i];
    if (!hit) return;
    onChoose(hit.index);
    setQuery(organisations[hit.index]!.name);
    setOpen(false);
  }

  return (
    <div className="searchbox">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="search"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={open && hits.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && hits[active] ? `${listId}-${active}` : undefined}
        placeholder={placeholder}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => query && setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, hits.length - 1));
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            choose(active);
          } else if (e.key === 'Escape') {
            setOpen(false);
          }
        }}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Zoekresultaten"
        hidden={!open || hits.length === 0}
      >
        {hits.map((hit, i) => {
          const org = organisations[hit.index]!;
          return (
            <li
              key={org.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(i);
              }}
            >
              <span className="hit-name">{org.name}</span>
              <span className="hit-meta">
                {org.shortName && org.shortName !== org.name ? `${org.shortName} · ` : ''}
                {KIND_LABELS[org.kind].nl}
                {org.province ? ` · ${org.province}` : ''}
              </span>
            </li>
          );
        })}
      </ul>
      {open && query && hits.length === 0 && <p className="hint">Geen organisatie gevonden.</p>}
    </div>
  );
}
