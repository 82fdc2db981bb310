import { ErrorBanner } from '../components/ErrorBanner';
import { useAppStore } from '../store/app-store';

/**
 * The "fast scan" setting of this laptop (every show): cards read by tesseract alone, without the
 * learned recognizer's second reading of e-mails, websites and numbers.
 */
export function FastScanSetting() {
  const fastScan = useAppStore((state) => state.settings.fastScan);
  const saving = useAppStore((state) => state.fastScanSaving);
  const error = useAppStore((state) => state.fastScanError);
  const setFastScan = useAppStore((state) => state.setFastScan);
  return (
    <>
      <label className="checkbox-field">
        <input type="checkbox" checked={fastScan} disabled={saving} aria-describedby="fast-scan-help" onChange={(event) => void setFastScan(event.target.checked)} />{' '}
        Fast scan
      </label>
      <p id="fast-scan-help" className="section-hint">
        For laptops short of memory: reads cards without the second text recognizer (about 100 MB less), so more e-mails and phone numbers are marked Check.
      </p>
      <ErrorBanner message={error} />
    </>
  );
}
