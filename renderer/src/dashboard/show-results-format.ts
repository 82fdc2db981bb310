import type { ShowResults } from '../../../shared/ipc/contracts/dashboard';
import { formatAmount, formatCount } from '../components/date-and-number-format';

/** A share 0..1 as a whole percentage ("38 %"), "—" when there is nothing to share. */
export function formatShare(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)} %`;
}

/** An amount that may not be known (no cost entered): "—" then. */
export function formatOptionalAmount(amount: number | null, currency: string): string {
  return amount === null ? '—' : formatAmount(amount, currency);
}

/**
 * The results of several shows as one: counts add up; amounts only when every show is in the
 * same currency (pounds and euros do not add), else null.
 */
export function combineShowResults(shows: readonly ShowResults[]): ShowResults | null {
  if (shows.length === 0) return null;
  if (shows.length === 1) return shows[0] ?? null;
  const sum = (pick: (show: ShowResults) => number) => shows.reduce((total, show) => total + pick(show), 0);
  const currencies = new Set(shows.map((show) => show.currency));
  const oneCurrency = currencies.size === 1;
  const leads = sum((show) => show.leads);
  const qualified = sum((show) => show.qualified);
  const wonDeals = sum((show) => show.wonDeals);
  const everyCost = shows.every((show) => show.cost !== null);
  const cost = oneCurrency && everyCost ? sum((show) => show.cost ?? 0) : null;
  return {
    eventId: '',
    name: 'All shows',
    currency: oneCurrency ? (shows[0]?.currency ?? '') : '',
    cost,
    leads,
    qualified,
    qualifiedShare: leads > 0 ? qualified / leads : null,
    converted: sum((show) => show.converted),
    pipelineValue: sum((show) => show.pipelineValue),
    wonDeals,
    wonValue: sum((show) => show.wonValue),
    costPerLead: cost !== null && leads > 0 ? cost / leads : null,
    costPerWonDeal: cost !== null && wonDeals > 0 ? cost / wonDeals : null,
  };
}

