/** Offer a file to the user; nothing leaves the device. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type }), fileName);
}

/** The files of one export, each offered under its own name. */
export function downloadFiles(
  files: readonly { name: string; data: string | Uint8Array; mime: string }[],
): void {
  for (const { name, data, mime } of files)
    downloadBlob(new Blob([data as string | Uint8Array<ArrayBuffer>], { type: mime }), name);
}
