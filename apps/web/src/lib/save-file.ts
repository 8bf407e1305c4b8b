/** Hands a file fetched by the app to the person's device as a download. */
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
