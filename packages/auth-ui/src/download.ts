/**
 * Saves text as a file on the person's device (a .txt download), without sending it anywhere:
 * the file is made in the browser from a Blob.
 */
export function downloadTextFile(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
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
