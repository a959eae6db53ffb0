import type { Theme } from '../../domain/knowledge';

interface Props {
  id: string;
  themes: readonly Theme[];
  value: string;
  onChange(value: string): void;
  invalid?: boolean;
  describedBy?: string | undefined;
}

export function ThemeSelect({ id, themes, value, onChange, invalid, describedBy }: Props) {
  return (
    <select
      id={id}
      value={value}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="">Kies een thema…</option>
      {themes.map((t) => (
        <option key={t.id} value={t.id}>
          {t.label}
        </option>
      ))}
    </select>
  );
}
