import { useId, useMemo, useState } from 'react';
import { myAdditions } from '../../analysis/additions';
import type { Network } from '../../domain/network';
import { exchangeJson, exportFileName } from '../../io/exportNetwork';
import { db } from '../../storage/db';
import { loadEmbeddedNetwork } from '../../storage/embedded';
import { useRecorder } from '../../storage/hooks';
import { writeRecorder } from '../../storage/knowledgeStore';
import { useUiStore } from '../../state/uiStore';
import { downloadText } from '../download';
import { formatNumber } from '../format';
import { SearchBox } from '../map/SearchBox';

/**
 * "Mijn aanvullingen": for which municipality this browser records, and the
 * file with what it added to the national data, for other municipalities to
 * merge. No server: the file travels by mail or a shared folder.
 */
export function RecorderPanel({ network }: { network: Network }) {
  const headingId = useId();
  const recorder = useRecorder();
  const announce = useUiStore((s) => s.announce);
  const [choosing, setChoosing] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const municipalities = useMemo(
    () => network.organisations.filter((o) => o.kind === 'municipality'),
    [network],
  );
  const chosen = recorder ? network.organisations.find((o) => o.id === recorder) : undefined;

  async function choose(id: string | null) {
    setChoosing(false);
    await writeRecorder(db, id);
    const name = id ? network.organisations.find((o) => o.id === id)?.name : undefined;
    announce(name ? `U legt vast namens gemeente ${name}.` : 'De gemeente is vergeten.');
  }

  async function exportAdditions() {
    setMessage(null);
    try {
      const national = await loadEmbeddedNetwork();
      const { network: additions, summary } = myAdditions(network, national, {
        ...(recorder ? { recorder } : {}),
        title: chosen ? `Aanvullingen van gemeente ${chosen.name}` : 'Aanvullingen',
      });
      if (additions.organisations.length === 0 && additions.relations.length === 0) {
        const text = 'Er zijn nog geen aanvullingen op de landelijke gegevens om te delen.';
        setMessage({ ok: true, text });
        announce(text);
        return;
      }
      const name = exportFileName(new Date(), `aanvullingen ${chosen?.name ?? ''}`);
      downloadText(exchangeJson(additions), name, 'application/json');
      const text =
        `${name} is gedownload: ${formatNumber(summary.knowledgeFacts)} ${summary.knowledgeFacts === 1 ? 'kennisfeit' : 'kennisfeiten'}, ` +
        `${formatNumber(summary.newOrganisations + summary.changedOrganisations)} nieuwe of gewijzigde organisaties en ` +
        `${formatNumber(summary.newRelations + summary.changedRelations)} nieuwe of gewijzigde relaties.`;
      setMessage({ ok: true, text });
      announce(text);
    } catch (e) {
      const text = e instanceof Error ? e.message : String(e);
      setMessage({ ok: false, text });
      announce(text);
    }
  }

  return (
    <section className="panel" aria-labelledby={headingId} data-testid="recorder-panel">
      <h2 id={headingId}>Mijn aanvullingen</h2>
      <p>
        Wat u vastlegt over koplopers, volgers en wie van wie leerde, krijgt als bron
        &lsquo;Vastgelegd door gemeente … op …&rsquo;. Deel uw aanvullingen op de landelijke
        gegevens als bestand; een andere gemeente voegt het samen via Importeren › Samenvoegen.
      </p>
      {chosen && !choosing ? (
        <p data-testid="recorder-setting">
          U legt vast namens <strong>gemeente {chosen.name}</strong>.{' '}
          <button type="button" className="link" onClick={() => setChoosing(true)}>
            Wijzigen
          </button>{' '}
          <button type="button" className="link" onClick={() => void choose(null)}>
            Vergeten
          </button>
        </p>
      ) : (
        <SearchBox
          organisations={municipalities}
          label="Namens welke gemeente legt u vast?"
          onChoose={(i) => void choose(municipalities[i]!.id)}
        />
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={() => void exportAdditions()}>
          Mijn aanvullingen downloaden
        </button>
      </div>
      <p className="hint">
        Alleen wat sinds de landelijke gegevens is toegevoegd of gewijzigd, met de organisaties
        waarnaar het verwijst. Feiten die een andere gemeente vastlegde, deelt die gemeente zelf.
        Verwijderingen gaan niet mee.
      </p>
      {message && (
        <p className={message.ok ? 'success' : 'error-box'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
