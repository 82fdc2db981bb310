/**
 * Hands a text to the person as a file: a download in browser mode, Electron's save
 * dialog in the window (Electron asks where to save a download).
 */
export function saveTextFile(fileName: string, text: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by now; the object URL only holds memory.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Opens a mailto: address the way the page can: the system's mail client takes it, the page stays. */
export function openMailDraft(mailtoUrl: string): void {
  const link = document.createElement('a');
  link.href = mailtoUrl;
  document.body.append(link);
  link.click();
  link.remove();
}
