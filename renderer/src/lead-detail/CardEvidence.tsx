import { useEffect } from 'react';
import { useAppStore } from '../store/app-store';
import { DateTime } from '../components/DateTime';

/** The card the lead was read from: the photo as it was taken, and the raw OCR text one click away. */
export function CardEvidence() {
  const scan = useAppStore((state) => state.leadDetail?.cardScans[0] ?? null);
  const photo = useAppStore((state) => (scan ? state.cardPhotos[scan.id] : undefined));
  const loadCardPhoto = useAppStore((state) => state.loadCardPhoto);

  useEffect(() => {
    if (scan) void loadCardPhoto(scan.id);
  }, [scan, loadCardPhoto]);

  if (!scan) return null;
  return (
    <section className="card-evidence" aria-labelledby="card-evidence-title">
      <h2 id="card-evidence-title" className="side-title">
        Card
      </h2>
      <figure className="card-photo">
        {photo ? <img src={photo} alt={`The card as scanned (${scan.fileName})`} /> : <p className="card-photo-missing">Loading the photo…</p>}
        <figcaption>
          {scan.fileName} · scanned <DateTime iso={scan.scannedAt} />
        </figcaption>
      </figure>
      <details className="ocr-text">
        <summary>Text the scanner read</summary>
        <pre>{scan.ocrText || '(no text)'}</pre>
      </details>
    </section>
  );
}
