import { useAppStore } from '../../store/app-store';

/**
 * A scan that failed, next to the scan button: the scanner's own message (it names the file
 * and says what to do), and the reassurance that the form was left alone.
 */
export function ScanErrorBanner() {
  const scanError = useAppStore((state) => state.scanError);
  if (!scanError) return null;
  return (
    <div className="banner banner-error" role="alert">
      <p>{scanError}</p>
      <p className="banner-note">Nothing you typed was changed. Pick another photo of the card, or type the details.</p>
    </div>
  );
}
