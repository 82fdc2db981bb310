/** One step of a guided flow: its key and the words on the stepper. */
export interface FlowStep<Key extends string> {
  key: Key;
  label: string;
}

/**
 * The steps of a guided flow as one compact numbered row: done steps can be clicked to go
 * back to them (when `onGo` is given), the current one is marked for screen readers too.
 */
export function FlowStepper<Key extends string>({
  label,
  steps,
  current,
  onGo,
}: {
  label: string;
  steps: ReadonlyArray<FlowStep<Key>>;
  current: Key;
  /** Going back to an earlier step; absent when the flow cannot go back from where it is. */
  onGo?: ((step: Key) => void) | undefined;
}) {
  const currentIndex = steps.findIndex((step) => step.key === current);
  return (
    <ol className="flow-stepper" aria-label={label}>
      {steps.map((step, index) => {
        const state = index < currentIndex ? 'is-done' : index === currentIndex ? 'is-current' : 'is-ahead';
        const content = (
          <>
            <span className="flow-step-number" aria-hidden="true">
              {index < currentIndex ? '✓' : index + 1}
            </span>
            <span className="flow-step-label">{step.label}</span>
          </>
        );
        return (
          <li key={step.key} className={`flow-step ${state}`} aria-current={index === currentIndex ? 'step' : undefined}>
            {index < currentIndex && onGo ? (
              <button type="button" className="flow-step-button" onClick={() => onGo(step.key)}>
                {content}
                <span className="visually-hidden"> (done: go back to this step)</span>
              </button>
            ) : (
              <span className="flow-step-inner">
                {content}
                {index < currentIndex && <span className="visually-hidden"> (done)</span>}
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
