import { useId } from 'react';
import type { Adoption } from '../../analysis/knowledge';
import { formatNumber } from '../format';

const W = 360;
const H = 130;
const PAD = { left: 30, right: 10, top: 10, bottom: 24 };

const gemeenten = (n: number) => `${formatNumber(n)} ${n === 1 ? 'gemeente' : 'gemeenten'}`;

/** In words, for the chart's accessible name and for whoever skips the picture. */
export function adoptionSummary(adoption: Adoption): string {
  const { points, undated, adopters } = adoption;
  const parts: string[] = [];
  if (points.length) {
    const first = points[0]!;
    const last = points[points.length - 1]!;
    parts.push(
      first.year === last.year
        ? `${gemeenten(last.total)} in ${last.year}`
        : `van ${gemeenten(first.total)} in ${first.year} naar ${gemeenten(last.total)} in ${last.year}`,
    );
  }
  if (undated)
    parts.push(
      points.length
        ? `${gemeenten(undated)} zonder bekend jaar`
        : `${gemeenten(undated)}, het jaar van aansluiten is niet bekend`,
    );
  if (!adopters) return 'Nog geen gemeenten bekend die deelnemen.';
  const text = parts.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/**
 * The track record of a service as a small step chart: municipalities taking
 * part by the end of each year (bars: new that year). The same figures follow
 * as a table, so nothing is only in the picture.
 */
export function AdoptionChart({ adoption, name }: { adoption: Adoption; name: string }) {
  const titleId = useId();
  const { points } = adoption;
  const summary = adoptionSummary(adoption);
  if (points.length === 0) return <p className="adoption-summary">{summary}</p>;
  const max = Math.max(1, ...points.map((p) => p.total));
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const step = innerW / points.length;
  const y = (v: number) => PAD.top + innerH - (v / max) * innerH;
  const line = points
    .map(
      (p, i) =>
        `${i === 0 ? 'M' : 'L'}${PAD.left + i * step},${y(p.total)}H${PAD.left + (i + 1) * step}`,
    )
    .join('');
  // Every year when they fit, else every other one: labels must stay readable.
  const every = points.length > 12 ? Math.ceil(points.length / 8) : 1;
  return (
    <figure className="adoption">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        width={W}
        height={H}
        role="img"
        aria-labelledby={titleId}
        className="adoption-chart"
      >
        <title id={titleId}>{`${name}: deelnemende gemeenten per jaar. ${summary}`}</title>
        <line x1={PAD.left} x2={W - PAD.right} y1={y(0)} y2={y(0)} className="axis" />
        <text x={PAD.left - 4} y={y(max) + 4} className="tick" textAnchor="end">
          {formatNumber(max)}
        </text>
        <text x={PAD.left - 4} y={y(0)} className="tick" textAnchor="end">
          0
        </text>
        {points.map((p, i) => (
          <g key={p.year}>
            {p.added > 0 && (
              <rect
                x={PAD.left + i * step + step * 0.2}
                width={step * 0.6}
                y={y(p.added)}
                height={y(0) - y(p.added)}
                className="added"
              />
            )}
            {i % every === 0 && (
              <text
                x={PAD.left + i * step + step / 2}
                y={H - 8}
                className="tick"
                textAnchor="middle"
              >
                {p.year}
              </text>
            )}
          </g>
        ))}
        <path d={line} className="total" />
      </svg>
      <figcaption className="hint">
        Lijn: gemeenten die deelnemen aan het eind van het jaar; staaf: nieuw in dat jaar. {summary}
      </figcaption>
      <details>
        <summary>Als tabel</summary>
        <table className="data-table adoption-table">
          <caption className="visually-hidden">{name}: deelnemende gemeenten per jaar</caption>
          <thead>
            <tr>
              <th scope="col">Jaar</th>
              <th scope="col" className="num">
                Nieuw
              </th>
              <th scope="col" className="num">
                Totaal
              </th>
            </tr>
          </thead>
          <tbody>
            {points.map((p) => (
              <tr key={p.year}>
                <th scope="row">{p.year}</th>
                <td className="num">{formatNumber(p.added)}</td>
                <td className="num">{formatNumber(p.total)}</td>
              </tr>
            ))}
            {adoption.undated > 0 && (
              <tr>
                <th scope="row">Jaar onbekend</th>
                <td className="num">{formatNumber(adoption.undated)}</td>
                <td className="num">{formatNumber(adoption.adopters)}</td>
              </tr>
            )}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
