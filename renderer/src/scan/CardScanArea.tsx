import { useRef } from 'react';
import { useAppStore } from '../store/app-store';
import { ScanErrorBanner } from './ScanErrorBanner';
import { ScanStatusLine } from './ScanStatusLine';

/**
 * "Scan a card" at the top of the form: pick a photo (or drop one on the form) and the
 * empty fields are filled in for the person to check. Typing stays possible meanwhile.
 */
export function CardScanArea() {
  const scanCard = useAppStore((state) => state.scanCard);
  const scanning = useAppStore((state) => state.scanPending !== null);
  const scanned = useAppStore((state) => state.scanPhoto !== null);
  const fileInput = useRef<HTMLInputElement>(null);

  return (
    <section className="form-section scan-area" aria-labelledby="section-scan" aria-busy={scanning}>
      <div className="scan-area-row">
        <h2 id="section-scan">Scan a card</h2>
        {/* A real button opens the picker: the file input itself would save the lead on Enter (see isSaveKey). */}
        <button type="button" className="button-scan" onClick={() => fileInput.current?.click()}>
          {scanned ? 'Scan another photo…' : 'Choose a card photo…'}
        </button>
        <p className="section-hint">or drop a photo of the card anywhere on this form. The empty fields are filled in for you to check.</p>
      </div>
      <input
        ref={fileInput}
        type="file"
        accept="image/*"
        hidden
        aria-label="Card photo"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          // Emptied so that picking the same file again (after fixing it) reads it again.
          event.currentTarget.value = '';
          if (file) void scanCard(file);
        }}
      />
      <ScanStatusLine />
      <ScanErrorBanner />
    </section>
  );
}
