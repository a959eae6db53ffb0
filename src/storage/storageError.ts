/** A write the browser refused, explained for a person. */
export class StorageWriteError extends Error {
  readonly quota: boolean;
  constructor(message: string, quota = false, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageWriteError';
    this.quota = quota;
  }
}

function isQuotaError(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e && depth < 5; depth++) {
    const name = (e as { name?: string }).name;
    if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return true;
    e = (e as { inner?: unknown; cause?: unknown }).inner ?? (e as { cause?: unknown }).cause;
  }
  return false;
}

export function asStorageError(error: unknown): StorageWriteError {
  if (error instanceof StorageWriteError) return error;
  if (isQuotaError(error)) {
    return new StorageWriteError(
      'De browser heeft geen opslagruimte meer voor Netwerkkaart. Er is niets gewijzigd. ' +
        'Verwijder oude momentopnamen of exporteer het netwerk en maak ruimte vrij.',
      true,
      { cause: error },
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new StorageWriteError(`Opslaan is mislukt; er is niets gewijzigd. (${detail})`, false, {
    cause: error,
  });
}
