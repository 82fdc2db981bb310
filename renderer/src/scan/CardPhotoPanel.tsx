import { useState } from 'react';
import { useAppStore } from '../store/app-store';
import { useObjectUrl } from './use-object-url';

/**
 * The card photo beside the form (above it on narrow windows), so the person can compare
 * the fields with what is printed. No outlines of where each field was read: the scanner's
 * boxes are in the coordinates of its cropped and straightened copy, which it does not return.
 */
export function CardPhotoPanel() {
  const pending = useAppStore((state) => state.scanPending);
  const scanned = useAppStore((state) => state.scanPhoto);
  const photo = pending ?? scanned;
  const url = useObjectUrl(photo?.file ?? null);
  // Keyed by URL: a file that is no picture shows a line of text instead of a broken-image icon.
  const [failedUrl, setFailedUrl] = useState<string | null>(null);
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
    </aside>
  );
}
