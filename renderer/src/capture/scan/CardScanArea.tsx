import { useEffect, useRef } from 'react';
import { useAppStore } from '../../store/app-store';
import { WebcamPanel } from '../webcam/WebcamPanel';
import { ScanErrorBanner } from './ScanErrorBanner';
import { ScanStatusLine } from './ScanStatusLine';

/** Photos in a picked folder: cameras and phones leave other files beside them (thumbnails, sidecars). */
function isPhoto(file: File): boolean {
  return file.type.startsWith('image/') || /\.(jpe?g|png|webp|heic|heif|tiff?|bmp|gif)$/i.test(file.name);
}

/**
 * "Scan a card" at the top of the form: pick a photo (or drop one on the form) and the
 * empty fields are filled in for the person to check. Several photos, or a folder, go to the
 * capture queue and are read in the background. Typing stays possible meanwhile.
 */
export function CardScanArea({ webcamSlot = null }: { webcamSlot?: HTMLElement | null }) {
  const scanCard = useAppStore((state) => state.scanCard);
  const enqueueFiles = useAppStore((state) => state.enqueueFiles);
  const scanning = useAppStore((state) => state.scanPending !== null);
  const scanned = useAppStore((state) => state.scanPhoto !== null);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // Not in React's typings: set as attributes so the picker chooses a folder.
    folderInput.current?.setAttribute('webkitdirectory', '');
    folderInput.current?.setAttribute('directory', '');
  }, []);

  function take(files: File[]): void {
    const [only] = files;
    if (files.length === 1 && only) void scanCard(only);
    else if (files.length > 1) void enqueueFiles(files);
  }

  return (
    <section className="form-section scan-area" aria-labelledby="section-scan" aria-busy={scanning}>
      <div className="scan-area-row">
        <h2 id="section-scan">Scan a card</h2>
        {/* A real button opens the picker: the file input itself would save the lead on Enter (see isSaveKey). */}
        <button type="button" className="button-scan" onClick={() => fileInput.current?.click()}>
          {scanned ? 'Scan another photo…' : 'Choose card photos…'}
        </button>
        <button type="button" className="button-quiet" onClick={() => folderInput.current?.click()}>
          A folder…
        </button>
        <WebcamPanel viewSlot={webcamSlot} />
        <p className="section-hint scan-hint-line">or drop photos anywhere on this form: the empty fields are filled in for you to check; several are queued.</p>
      </div>
      <input
        ref={fileInput}
        type="file"
        accept="image/*"
        multiple
        hidden
        aria-label="Card photo"
        onChange={(event) => {
          const files = Array.from(event.currentTarget.files ?? []);
          // Emptied so that picking the same file again (after fixing it) reads it again.
          event.currentTarget.value = '';
          take(files);
        }}
      />
      <input
        ref={folderInput}
        type="file"
        hidden
        aria-label="Folder of card photos"
        onChange={(event) => {
          const files = Array.from(event.currentTarget.files ?? []).filter(isPhoto);
          event.currentTarget.value = '';
          if (files.length > 0) void enqueueFiles(files);
        }}
      />
      <ScanStatusLine />
      <ScanErrorBanner />
    </section>
  );
}
