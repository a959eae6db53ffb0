import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { GraphIndex } from '../../analysis/graphIndex';
import { KIND_LABELS } from '../../domain/organisation';
import { sizeClassOf } from '../../domain/sizeClass';
import { formatNumber } from '../format';

const COLUMNS = [
  { id: 'name', label: 'Naam', numeric: false },
  { id: 'kind', label: 'Soort', numeric: false },
  { id: 'province', label: 'Provincie', numeric: false },
  { id: 'population', label: 'Inwoners', numeric: true },
  { id: 'sizeClass', label: 'Klasse', numeric: true },
  { id: 'relations', label: 'Relaties', numeric: true },
] as const;
type ColumnId = (typeof COLUMNS)[number]['id'];

const ROW_HEIGHT = 34;
const OVERSCAN = 8;

interface Props {
  index: GraphIndex;
  /** Positions of the organisations shown on the map. */
  rows: ArrayLike<number>;
  selected: number | null;
  onSelect(index: number): void;
}

/**
 * The same organisations as the map, as a sortable table. Only the rows in
 * view are in the DOM, so 50 000 organisations scroll as smoothly as 500;
 * aria-rowcount and aria-rowindex tell assistive technology the full size.
 */
export function OrganisationTable({ index, rows: shown, selected, onSelect }: Props) {
  const [sort, setSort] = useState<{ column: ColumnId; ascending: boolean }>({
    column: 'name',
    ascending: true,
  });
  const [scrollTop, setScrollTop] = useState(0);
  const [active, setActive] = useState(0);
  const bodyRef = useRef<HTMLDivElement>(null);

  const rows = useMemo(() => {
    const list = Array.from(shown);
    const value = (i: number): string | number => {
      const o = index.organisations[i]!;
      switch (sort.column) {
        case 'name':
          return o.name;
        case 'kind':
          return KIND_LABELS[o.kind].nl;
        case 'province':
          return o.province ?? '';
        case 'population':
          return o.population ?? -1;
        case 'sizeClass':
          return sizeClassOf(o.population)?.code ?? -1;
        case 'relations':
          return index.incident[i]!.length;
      }
    };
    const dir = sort.ascending ? 1 : -1;
    list.sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      const c =
        typeof va === 'number' && typeof vb === 'number'
          ? va - vb
          : String(va).localeCompare(String(vb), 'nl');
      return (
        c * dir || index.organisations[a]!.name.localeCompare(index.organisations[b]!.name, 'nl')
      );
    });
    return list;
  }, [index, shown, sort]);

  const viewHeight = 560;
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((scrollTop + viewHeight) / ROW_HEIGHT) + OVERSCAN);

  function focusRow(position: number) {
    const p = Math.max(0, Math.min(rows.length - 1, position));
    setActive(p);
    const body = bodyRef.current;
    if (!body) return;
    const top = p * ROW_HEIGHT;
    if (top < body.scrollTop) body.scrollTop = top;
    else if (top + ROW_HEIGHT > body.scrollTop + body.clientHeight)
      body.scrollTop = top + ROW_HEIGHT - body.clientHeight;
    requestAnimationFrame(() => body.querySelector<HTMLElement>(`[data-pos="${p}"]`)?.focus());
  }

  function onKeyDown(e: KeyboardEvent) {
    const page = Math.floor(viewHeight / ROW_HEIGHT);
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + page,
      PageUp: active - page,
      Home: 0,
      End: rows.length - 1,
    };
    if (e.key in moves) {
      e.preventDefault();
      focusRow(moves[e.key]!);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      const row = rows[active];
      if (row !== undefined) onSelect(row);
    }
  }

  return (
    <div
      className="org-table"
      role="table"
      aria-label="Organisaties"
      aria-rowcount={rows.length + 1}
      data-testid="org-table"
    >
      <div role="rowgroup" className="org-table-head">
        <div role="row" aria-rowindex={1} className="org-row">
          {COLUMNS.map((c) => {
            const current = sort.column === c.id;
            return (
              <div
                key={c.id}
                role="columnheader"
                className={`cell col-${c.id}${c.numeric ? ' num' : ''}`}
                aria-sort={current ? (sort.ascending ? 'ascending' : 'descending') : 'none'}
              >
                <button
                  type="button"
                  className="sort"
                  onClick={() =>
                    setSort({ column: c.id, ascending: current ? !sort.ascending : !c.numeric })
                  }
                >
                  {c.label}
                  <span aria-hidden="true">{current ? (sort.ascending ? ' ▲' : ' ▼') : ''}</span>
                </button>
              </div>
            );
          })}
        </div>
      </div>
      <div
        role="rowgroup"
        className="org-table-body"
        ref={bodyRef}
        style={{ height: viewHeight }}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        onKeyDown={onKeyDown}
      >
        <div style={{ height: rows.length * ROW_HEIGHT, position: 'relative' }}>
          {rows.slice(first, last).map((i, offset) => {
            const position = first + offset;
            const o = index.organisations[i]!;
            const cls = sizeClassOf(o.population);
            return (
              <div
                key={o.id}
                role="row"
                aria-rowindex={position + 2}
                aria-selected={selected === i}
                tabIndex={position === active ? 0 : -1}
                data-pos={position}
                className={`org-row${selected === i ? ' selected' : ''}`}
                style={{
                  position: 'absolute',
                  top: position * ROW_HEIGHT,
                  height: ROW_HEIGHT,
                  left: 0,
                  right: 0,
                }}
                onClick={() => {
                  setActive(position);
                  onSelect(i);
                }}
                onFocus={() => setActive(position)}
              >
                {/* A title shows a name the column cuts off. */}
                <div role="cell" className="cell col-name" title={o.name}>
                  {o.name}
                </div>
                <div role="cell" className="cell col-kind" title={KIND_LABELS[o.kind].nl}>
                  {KIND_LABELS[o.kind].nl}
                </div>
                <div role="cell" className="cell col-province" title={o.province}>
                  {o.province ?? ''}
                </div>
                <div role="cell" className="cell col-population num">
                  {o.population !== undefined ? formatNumber(o.population) : ''}
                </div>
                <div role="cell" className="cell col-sizeClass num">
                  {cls?.code ?? ''}
                </div>
                <div role="cell" className="cell col-relations num">
                  {formatNumber(index.incident[i]!.length)}
                </div>
              </div>
            );
          })}
        </div>
      </div>
      <p className="hint">
        Pijltjes, Page Up/Down, Home en End bewegen door de rijen; Enter kiest een organisatie.
      </p>
    </div>
  );
}
