import { useAppStore } from '../store/app-store';
import type { Route } from '../store/navigation-slice';

/** "← Back" at the top of a record page (Escape does the same). */
export function BackButton({ fallback }: { fallback: Route }) {
  const goBack = useAppStore((state) => state.goBack);
  return (
    <button type="button" className="button-link back-button" onClick={() => goBack(fallback)} aria-keyshortcuts="Escape">
      ← Back <kbd>Esc</kbd>
    </button>
  );
}
