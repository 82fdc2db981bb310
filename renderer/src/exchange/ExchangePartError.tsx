import { ErrorBanner } from '../components/ErrorBanner';
import { useAppStore } from '../store/app-store';
import type { ExchangePart } from '../store/exchange-slice';

/** The exchange's error where it belongs: under the export's step, the history or the import that caused it. */
export function ExchangePartError({ part }: { part: ExchangePart }) {
  const error = useAppStore((state) => (state.exchangeErrorPart === part ? state.exchangeError : null));
  return <ErrorBanner message={error?.message ?? null} details={Object.values(error?.fieldErrors ?? {})} />;
}
