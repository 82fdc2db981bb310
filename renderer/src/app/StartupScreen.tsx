import { useAppStore } from '../store/app-store';

/** Shown while the first data loads, and when LeadBooth cannot be reached at all. */
export function StartupScreen() {
  const status = useAppStore((state) => state.startupStatus);
  const error = useAppStore((state) => state.startupError);
  const start = useAppStore((state) => state.start);
  if (status === 'loading') {
    return (
      <main className="startup-screen" aria-busy="true">
        <p>Opening LeadBooth…</p>
      </main>
    );
  }
  return (
    <main className="startup-screen">
      <div className="banner banner-error" role="alert">
        <p>LeadBooth could not open its data.</p>
        <p>{error}</p>
      </div>
      <button type="button" className="button-primary" onClick={() => void start()}>
        Try again
      </button>
    </main>
  );
}
