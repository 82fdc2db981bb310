import type { ShowResults } from '../../../shared/ipc/contracts/dashboard';
import { formatAmount, formatCount } from '../components/date-and-number-format';
import { formatOptionalAmount, formatShare } from './show-results-format';

interface Figure {
  label: string;
  value: string;
  /** What the figure is made of, under it. */
  detail: string;
}

/**
 * "Was this show worth it?" in eight numbers: leads, qualified share, converted, pipeline and
 * won value, and — once the show's cost is entered in Show setup — cost per lead and per won deal.
 */
export function HeadlineFigures({ results }: { results: ShowResults }) {
  // Several shows in different currencies: their amounts do not add up.
  const money = (amount: number) => (results.currency ? formatAmount(amount, results.currency) : 'mixed currencies');
  const noCost = results.currency ? 'Enter the show’s cost in Show setup' : 'Shows in different currencies';
  const figures: Figure[] = [
    { label: 'Leads', value: formatCount(results.leads), detail: 'captured' },
    { label: 'Qualified', value: formatShare(results.qualifiedShare), detail: `${formatCount(results.qualified)} of ${formatCount(results.leads)}` },
    { label: 'Converted', value: formatCount(results.converted), detail: 'to account, contact, deal' },
    { label: 'Pipeline value', value: money(results.pipelineValue), detail: 'open opportunities' },
    { label: 'Won value', value: money(results.wonValue), detail: `${formatCount(results.wonDeals)} ${results.wonDeals === 1 ? 'deal' : 'deals'} won` },
    {
      label: 'Cost per lead',
      value: formatOptionalAmount(results.costPerLead, results.currency),
      detail: results.cost === null ? noCost : `cost ${formatAmount(results.cost, results.currency)}`,
    },
    {
      label: 'Cost per won deal',
      value: formatOptionalAmount(results.costPerWonDeal, results.currency),
      detail: results.cost === null ? noCost : results.wonDeals === 0 ? 'no deal won yet' : `${formatCount(results.wonDeals)} won`,
    },
  ];
  return (
    <dl className="headline-figures" aria-label={`Results: ${results.name}`}>
      {figures.map((figure) => (
        <div key={figure.label} className="headline-figure">
          <dt>{figure.label}</dt>
          <dd className="headline-value">{figure.value}</dd>
          <dd className="headline-detail">{figure.detail}</dd>
        </div>
      ))}
    </dl>
  );
}
