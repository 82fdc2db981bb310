import { useState } from 'react';
import { useAppStore } from '../store/app-store';
import { useObjectUrl } from './use-object-url';

/**
 * The card photo beside the form (above it on narrow windows), so the person can compare
 * the fields with what is printed, with the raw OCR text one click away. No outlines of where
 * each field was read: the scanner's boxes are in the coordinates of its cropped and
 * straightened copy, which it does not return.
 */
export function CardPhotoPanel() {
  const pending = useAppStore((state) => state.scanPending);
  const scanned = useAppStore((state) => state.scanPhoto);
  const scanText = useAppStore((state) => state.scanText);
  const scanLost = useAppStore((state) => state.scanLost);
  const dismissLostScan = useAppStore((state) => state.dismissLostScan);
  const photo = pending ?? scanned;
  const url = useObjectUrl(photo?.file ?? null);
  // Keyed by URL: a file that is no picture shows a line of text instead of a broken-image icon.
  const [failedUrl, setFailedUrl] = useState<string | null>(null);

  if (!photo && scanLost) {
    return (
      <aside className="card-photo-panel" aria-label="Card photo">
        <figure className="card-photo is-lost">
          <p className="card-photo-missing" role="alert">
            {scanLost}
          </p>
          <button type="button" className="button-quiet" onClick={dismissLostScan}>
            Remove photo
          </button>
        </figure>
      </aside>
    );
  }
  if (!photo) return null;

  return (
    <aside className="card-photo-panel" aria-label="Card photo">
      <figure className={pending ? 'card-photo is-reading' : 'card-photo'}>
        {url && failedUrl !== url ? (
          <img src={url} alt={`The card being scanned (${photo.name})`} onError={() => setFailedUrl(url)} />
        ) : (
          <p className="card-photo-missing">No preview for {photo.name}</p>
        )}
        {pending && (
          <div className="card-photo-busy" aria-hidden="true">
            <span className="spinner" /> Reading the card…
          </div>
        )}
        <figcaption>{pending ? photo.name : `${photo.name} — compare the marked fields with this photo.`}</figcaption>
      </figure>
      {!pending && scanText.trim() !== '' && (
        <details className="ocr-text">
          <summary>What the scanner read (raw text)</summary>
          <pre>{scanText}</pre>
        </details>
      )}
    </aside>
  );
}
