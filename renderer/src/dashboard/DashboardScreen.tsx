import { useEffect, useMemo } from 'react';
import type { CaptureMethod } from '../../../shared/domain/lead';
import type { CountBy } from '../../../shared/ipc/contracts/dashboard';
import { ErrorBanner } from '../components/ErrorBanner';
import { METHOD_LABELS } from '../review/ReviewFilters';
import { useAppStore } from '../store/app-store';
import type { LeadsScope } from '../store/leads-slice';
import { currentEvent } from '../store/session-slice';
import { BarChart } from './BarChart';
import { HeadlineFigures } from './HeadlineFigures';
import { combineShowResults } from './show-results-format';
import { ShowComparisonTable } from './ShowComparisonTable';
import { StaffLeaderboard } from './StaffLeaderboard';
import { formatCount, formatDayBucket, formatHourBucket } from '../components/date-and-number-format';

const NO_COUNTS: CountBy[] = [];

function useSeries(rows: CountBy[], label: (key: string) => string) {
  return useMemo(() => ({ labels: rows.map((row) => label(row.key)), values: rows.map((row) => row.count) }), [rows, label]);
}

const methodLabel = (key: string) => METHOD_LABELS[key as CaptureMethod] ?? key;
const asIs = (key: string) => key || '(nobody)';

/** The show at a glance, as pictures: when leads came, who captured them, how good, how, and how far they got. */
export function DashboardScreen() {
  const stats = useAppStore((state) => state.dashboardStats);
  const scope = useAppStore((state) => state.dashboardScope);
  const loading = useAppStore((state) => state.dashboardLoading);
  const error = useAppStore((state) => state.dashboardError);
  const showName = useAppStore((state) => currentEvent(state)?.name ?? 'this show');
  const load = useAppStore((state) => state.loadDashboard);
  const setScope = useAppStore((state) => state.setDashboardScope);
  const currentEventId = useAppStore((state) => state.settings.currentEventId);

  useEffect(() => {
    void load();
  }, [load]);

  const perHour = useSeries(stats?.perHour ?? NO_COUNTS, formatHourBucket);
  const perDay = useSeries(stats?.perDay ?? NO_COUNTS, formatDayBucket);
  const perStaff = useSeries(stats?.perStaff ?? NO_COUNTS, asIs);
  const byRating = useSeries(stats?.byRating ?? NO_COUNTS, asIs);
  const byMethod = useSeries(stats?.byMethod ?? NO_COUNTS, methodLabel);
  const funnel = useSeries(stats?.funnel ?? NO_COUNTS, asIs);
  const results = useMemo(() => {
    if (!stats) return null;
    return scope === 'show' ? (stats.shows.find((show) => show.eventId === currentEventId) ?? null) : combineShowResults(stats.shows);
  }, [stats, scope, currentEventId]);

  return (
    <section className="dashboard-screen" aria-labelledby="dashboard-title">
      <div className="screen-heading">
        <h2 id="dashboard-title">
          Dashboard{stats ? ` · ${formatCount(stats.total)} ${stats.total === 1 ? 'lead' : 'leads'}` : ''}
        </h2>
        <div className="field scope-field">
          <label htmlFor="dashboard-scope">Show</label>
          <select id="dashboard-scope" value={scope} onChange={(event) => setScope(event.target.value as LeadsScope)}>
            <option value="show">{showName}</option>
            <option value="all">All shows</option>
          </select>
        </div>
      </div>
      <ErrorBanner message={error} />
      {loading && !stats && <p className="list-status">Counting…</p>}
      {results && <HeadlineFigures results={results} />}
      {stats && stats.total > 0 && (
        <div className="dashboard-tables">
          <section className="form-section" aria-labelledby="dashboard-leaderboard">
            <h3 id="dashboard-leaderboard">Staff leaderboard</h3>
            <StaffLeaderboard rows={stats.leaderboard} currency={results?.currency ?? ''} />
          </section>
          {stats.shows.length > 1 && (
            <section className="form-section" aria-labelledby="dashboard-shows">
              <h3 id="dashboard-shows">Shows side by side</h3>
              <ShowComparisonTable shows={stats.shows} currentEventId={currentEventId} />
            </section>
          )}
        </div>
      )}
      {stats && stats.total === 0 && <p className="list-status">No leads yet{scope === 'show' ? ` at ${showName}` : ''}: the charts fill as leads are saved.</p>}
      {stats && stats.total > 0 && (
        <div className="chart-grid">
          <div className="chart-wide">
            <BarChart title="Funnel: leads that got this far" category="Step" labels={funnel.labels} values={funnel.values} color="--chart-funnel" showTotal={false} />
          </div>
          <div className="chart-wide">
            <BarChart title="Leads per hour" category="Hour" labels={perHour.labels} values={perHour.values} />
          </div>
          <BarChart title="Leads per day" category="Day" labels={perDay.labels} values={perDay.values} />
          <BarChart title="Leads per staff member" category="Staff member" labels={perStaff.labels} values={perStaff.values} color="--chart-staff" />
          <BarChart title="By rating" category="Rating" labels={byRating.labels} values={byRating.values} color="--chart-rating" />
          <BarChart title="By how captured" category="How captured" labels={byMethod.labels} values={byMethod.values} color="--chart-method" />
        </div>
      )}
    </section>
  );
}
