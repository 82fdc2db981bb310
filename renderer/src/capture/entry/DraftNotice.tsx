import { useAppStore } from '../../store/app-store';

/** Tells the person why the form is already filled in, or that drafts are not being kept. */
export function DraftNotice() {
  const restored = useAppStore((state) => state.draftRestored);
  const warning = useAppStore((state) => state.draftWarning);
  if (warning) return <p className="banner banner-warning" role="alert">{warning}</p>;
  if (!restored) return null;
  return (
    <p className="banner banner-info">
      This lead was not saved before LeadBooth closed, so it is back here. Finish it and press Enter, or clear the form.
    </p>
  );
}
