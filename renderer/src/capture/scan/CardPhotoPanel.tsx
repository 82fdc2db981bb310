import { useMemo, useState } from 'react';
import { useAppStore } from '../../store/app-store';
import type { OcrBox } from '../../../../shared/parsing/ocr-types';
import { labelOnScreen } from '../entry/field-labels';
import { reviewBox } from './review-box';
import { useObjectUrl } from './use-object-url';

/** The box as percentages of the image, so it follows the picture at any size. */
function outlineStyle(box: OcrBox, width: number, height: number) {
  const pad = 0.006; // a little air around the text
  const left = Math.max(0, box.x0 / width - pad);
  const top = Math.max(0, box.y0 / height - pad * 2);
  return {
    left: `${left * 100}%`,
    top: `${top * 100}%`,
    width: `${(Math.min(1, box.x1 / width + pad) - left) * 100}%`,
    height: `${(Math.min(1, box.y1 / height + pad * 2) - top) * 100}%`,
  };
}

/**
 * The card photo beside the form (above it on narrow windows), so the person can compare
 * the fields with what is printed, with the raw OCR text one click away. While a field the
 * card filled has the focus, the card as the scanner read it (straightened, the copy the
 * boxes belong to) is shown above the photo, with that field's box outlined.
 */
export function CardPhotoPanel() {
  const pending = useAppStore((state) => state.scanPending);
  const scanned = useAppStore((state) => state.scanPhoto);
  const scanText = useAppStore((state) => state.scanText);
  const scanLost = useAppStore((state) => state.scanLost);
  const dismissLostScan = useAppStore((state) => state.dismissLostScan);
  const reviewField = useAppStore((state) => state.reviewField);
  const scanBoxes = useAppStore((state) => state.scanBoxes);
  // Computed here, not in a selector: the Name field's box is a new object each time.
  const box = useMemo(() => (reviewField ? reviewBox(reviewField, scanBoxes) : undefined), [reviewField, scanBoxes]);
  const readImage = useAppStore((state) => state.scanReadImage);
  const readUrl = useObjectUrl(readImage?.file ?? null);
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
      {!pending && box && readImage && readUrl && reviewField && (
        <figure className="card-photo card-as-read">
          <div className="card-as-read-frame">
            <img src={readUrl} alt={`The card as the scanner read it, ${labelOnScreen(reviewField)} outlined`} />
            <span className="field-outline" aria-hidden="true" style={outlineStyle(box, readImage.boxesWidth, readImage.boxesHeight)} />
          </div>
          <figcaption>Where “{labelOnScreen(reviewField)}” was read on the card.</figcaption>
        </figure>
      )}
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
