import { useEffect, useState } from 'react';

/**
 * A blob: URL for a picked file, revoked when the file changes or the component goes, so a
 * day of scanned cards does not keep every photo in memory. (CSP allows img-src blob:.)
 */
export function useObjectUrl(file: Blob | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!file) {
      setUrl(null);
      return;
    }
    const created = URL.createObjectURL(file);
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [file]);
  return url;
}
