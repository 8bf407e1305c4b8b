/**
 * Hands a file to the person's device as a download, without sending it anywhere: the browser
 * saves the Blob it already holds.
 */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the Blob after click() returns; let go of it a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

/** Saves text as a .txt file on the person's device. */
export function downloadTextFile(fileName: string, text: string): void {
  saveFile(new Blob([text], { type: 'text/plain;charset=utf-8' }), fileName);
}
