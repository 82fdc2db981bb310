import { ErrorBanner } from '../components/ErrorBanner';
import { useAppStore } from '../store/app-store';
import { RuleRunSummary } from './RuleRunSummary';

/** "Run the rule over this show now": a progress bar while it runs, Cancel, then what it did. */
export function RuleRunPanel({ eventId, showName }: { eventId: string; showName: string }) {
  const hasRule = useAppStore((state) => state.rule !== null && state.ruleEventId === eventId);
  const run = useAppStore((state) => state.ruleRun);
  const runRule = useAppStore((state) => state.runRule);
  const cancel = useAppStore((state) => state.cancelRuleRun);
  const running = run.status === 'running';

  return (
    <div className="rule-run">
      <div className="form-actions">
        <button type="button" className="button-primary" disabled={!hasRule || running} onClick={() => void runRule(eventId)}>
          Run the rule over this show now
        </button>
        {!hasRule && <p className="form-actions-hint">Save a rule first: the run uses the saved rule.</p>}
        {hasRule && !running && <p className="form-actions-hint">Every lead of {showName} that is not converted yet is checked.</p>}
      </div>
      {running && (
        <div className="rule-progress">
          <label htmlFor="rule-progress-bar">
            {run.cancelling
              ? 'Stopping after the current batch…'
              : run.total > 0
                ? `Checking leads… ${run.done} of ${run.total}`
                : 'Starting…'}
          </label>
          <progress id="rule-progress-bar" max={Math.max(run.total, 1)} value={run.total > 0 ? run.done : undefined} />
          <button type="button" className="button-quiet" disabled={run.cancelling} onClick={() => void cancel()}>
            Cancel
          </button>
        </div>
      )}
      {run.status === 'failed' && <ErrorBanner message={run.message} />}
      {run.status === 'finished' && <RuleRunSummary report={run.report} />}
    </div>
  );
}
