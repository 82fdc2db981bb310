import { useAppStore } from '../../store/app-store';

/**
 * Shown while a save waits for another program that holds the lead store (an import in the
 * command line, another window): the person knows why nothing happened yet, and that the
 * lead is safe meanwhile (the form is kept as a draft, even if LeadBooth is closed).
 */
export function SaveWaitingNotice() {
  const waiting = useAppStore((state) => state.saveWaiting);
  if (!waiting) return null;
  return (
    <p className="banner banner-info" role="status">
      Still saving: another program (an import, the command line or another LeadBooth window) is writing to the lead store. This lead is
      kept as a draft and is saved as soon as the store is free.
    </p>
  );
}
