import { useMemo, useState } from 'react';
import type { Network } from '../../domain/network';
import { SearchBox } from '../map/SearchBox';

interface Props {
  network: Network;
  /** The municipality the facts are recorded for, or null when none is chosen yet. */
  value: string | null;
  onChange(id: string): void;
  error?: string | undefined;
}

/** "Vastgelegd namens gemeente …": chosen once, remembered, changeable here. */
export function RecorderChoice({ network, value, onChange, error }: Props) {
  const [choosing, setChoosing] = useState(false);
  const municipalities = useMemo(
    () => network.organisations.filter((o) => o.kind === 'municipality'),
    [network],
  );
  const chosen = value ? network.organisations.find((o) => o.id === value) : undefined;
  if (chosen && !choosing)
    return (
      <p className="recorder-line" data-testid="recorder-line">
        Vastgelegd namens <strong>gemeente {chosen.name}</strong>, met de datum van vandaag.{' '}
        <button type="button" className="link" onClick={() => setChoosing(true)}>
          Andere gemeente
        </button>
      </p>
    );
  return (
    <div className="form-field">
      <SearchBox
        organisations={municipalities}
        label="Namens welke gemeente legt u dit vast?"
        onChoose={(i) => {
          onChange(municipalities[i]!.id);
          setChoosing(false);
        }}
      />
      <span className="hint">
        Elk feit krijgt als bron: vastgelegd door deze gemeente, met de datum. U kiest dit één keer;
        u kunt het wijzigen op de pagina Gegevens.
      </span>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
