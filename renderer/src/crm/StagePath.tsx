import { useState } from 'react';
import { OPPORTUNITY_STAGES, type OpportunityStage } from '../../../shared/domain/opportunity';
import { ErrorBanner } from '../components/ErrorBanner';
import { useAppStore } from '../store/app-store';
import { LostReasonForm } from './LostReasonForm';

/**
 * Salesforce's stages as a path: the ones behind the current stage are marked done, a click
 * moves the opportunity. Closed Lost first asks why.
 */
export function StagePath({ current }: { current: OpportunityStage }) {
  const saving = useAppStore((state) => state.stageSaving);
  const error = useAppStore((state) => state.stageError);
  const move = useAppStore((state) => state.moveOpportunityStage);
  const clearError = useAppStore((state) => state.clearStageError);
  const [askingWhyLost, setAskingWhyLost] = useState(false);
  const currentIndex = OPPORTUNITY_STAGES.findIndex((stage) => stage.name === current);
  const closed = current === 'Closed Won' || current === 'Closed Lost';

  function choose(stage: OpportunityStage): void {
    if (stage === 'Closed Lost') {
      setAskingWhyLost(true);
      return;
    }
    setAskingWhyLost(false);
    void move(stage);
  }

  // The reason's own error shows under its field; anything else above the path.
  const generalError = error && !error.fieldErrors.lostReason ? error.message : null;
  return (
    <div className="stage-path-area">
      <ol className="stage-path" aria-label="Stage: click one to move the opportunity there">
        {OPPORTUNITY_STAGES.map((stage, index) => {
          const isCurrent = stage.name === current;
          const state = isCurrent ? 'current' : !closed && index < currentIndex ? 'done' : 'ahead';
          const outcome = stage.name === 'Closed Won' ? ' stage-won' : stage.name === 'Closed Lost' ? ' stage-lost' : '';
          return (
            <li key={stage.name}>
              <button
                type="button"
                className={`stage-step stage-step-${state}${outcome}`}
                aria-current={isCurrent ? 'step' : undefined}
                disabled={saving}
                onClick={() => choose(stage.name)}
              >
                <span className="stage-step-name">{stage.name}</span>
                <span className="stage-step-probability">{stage.probability} %</span>
              </button>
            </li>
          );
        })}
      </ol>
      <ErrorBanner message={generalError} />
      {askingWhyLost && (
        <LostReasonForm
          error={error?.fieldErrors.lostReason ?? null}
          saving={saving}
          onCancel={() => {
            setAskingWhyLost(false);
            clearError();
          }}
          onSubmit={async (reason) => {
            if (await move('Closed Lost', reason)) setAskingWhyLost(false);
          }}
        />
      )}
    </div>
  );
}
