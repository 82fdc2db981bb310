/**
 * A file's bytes as plain base64 (no "data:…;base64," prefix), as `cards.scan` takes them.
 * FileReader encodes natively, so a 20 MB photo never goes through String.fromCharCode
 * (whose argument list would overflow the stack) or a per-byte loop.
 */
export function readFileAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const dataUrl = typeof reader.result === 'string' ? reader.result : '';
      resolve(dataUrl.slice(dataUrl.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

/** Base64 bytes (a stored card photo) back into a Blob the photo panel can show. */
export function blobFromBase64(base64: string, mime: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return new Blob([bytes], { type: mime });
}
