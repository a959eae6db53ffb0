import type { Coverage } from '../../analysis/coverage';

/** Share of each size class that takes part: eight small bars, described in words for screen readers. */
export function SizeClassChart({
  bySizeClass,
  partial = false,
}: {
  bySizeClass: Coverage['bySizeClass'];
  /** Only part of the members is known: the bars are a lower bound, and say so. */
  partial?: boolean;
}) {
  const w = 8;
  const gap = 2;
  const h = 26;
  const description = bySizeClass
    .map((c) => `klasse ${c.code}: ${c.members} van ${c.total}`)
    .join(', ');
  return (
    <svg
      width={bySizeClass.length * (w + gap)}
      height={h}
      role="img"
      aria-label={`Deelname per grootteklasse${partial ? ' (alleen bekende leden)' : ''}: ${description}`}
      className="size-chart"
    >
      {bySizeClass.map((c, i) => {
        const share = c.total ? c.members / c.total : 0;
        const bh = Math.max(share > 0 ? 2 : 0, Math.round(share * (h - 2)));
        return (
          <g key={c.code}>
            <rect x={i * (w + gap)} y={0} width={w} height={h} fill="#e3e8ef" />
            <rect x={i * (w + gap)} y={h - bh} width={w} height={bh} fill="#154273" />
          </g>
        );
      })}
    </svg>
  );
}
