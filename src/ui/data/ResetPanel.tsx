import { useId, useState } from 'react';
import { db } from '../../storage/db';
import { loadEmbeddedNetwork } from '../../storage/embedded';
import { resetToEmbedded } from '../../storage/repository';
import { useUiStore } from '../../state/uiStore';

export function ResetPanel() {
  const headingId = useId();
  const announce = useUiStore((s) => s.announce);
  const [asking, setAsking] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function reset() {
    setAsking(false);
    try {
      await resetToEmbedded(db, loadEmbeddedNetwork);
      const text =
        'De landelijke gegevens zijn teruggezet. Het vorige netwerk is bewaard als momentopname.';
      setMessage({ ok: true, text });
      announce(text);
    } catch (e) {
      const text = e instanceof Error ? e.message : String(e);
      setMessage({ ok: false, text });
      announce(text);
    }
  }

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId}>Terugzetten</h2>
      <p>Zet de meegeleverde landelijke gegevens terug. Het huidige netwerk wordt eerst bewaard.</p>
      {asking ? (
        <div className="actions">
          <span>Het huidige netwerk vervangen door de landelijke gegevens?</span>
          <button type="button" className="danger" onClick={() => void reset()}>
            Ja, terugzetten
          </button>
          <button type="button" onClick={() => setAsking(false)}>
            Nee
          </button>
        </div>
      ) : (
        <button type="button" onClick={() => setAsking(true)}>
          Landelijke gegevens terugzetten
        </button>
      )}
      {message && (
        <p className={message.ok ? 'success' : 'error-box'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
