import { useState } from 'react';
import { QUALIFICATION_FRAMEWORKS, type QualificationFramework } from '../../../shared/domain/event';
import { BUILT_IN_FRAMEWORKS } from '../../../shared/domain/qualification';
import { useAppStore } from '../store/app-store';

const DESCRIPTIONS: Record<QualificationFramework, string> = {
  BANT: 'Budget, Authority, Need, Timeline — the classic.',
  ANUM: 'Authority, Need, Urgency, Money — authority first.',
  CHAMP: 'Challenges, Authority, Money, Prioritization — starts from their problem.',
  custom: 'Your own questions: keep the list below and change it as you like.',
};

function frameworkName(framework: QualificationFramework): string {
  return framework === 'custom' ? 'Custom' : framework;
}

interface FrameworkPickerProps {
  eventId: string;
  current: QualificationFramework;
}

/**
 * Which checklist the show uses. Picking a radio only selects (arrow keys move through radios);
 * the button applies it, because a built-in framework replaces the criteria.
 */
export function FrameworkPicker({ eventId, current }: FrameworkPickerProps) {
  const saving = useAppStore((state) => state.checklistSaving);
  const chooseFramework = useAppStore((state) => state.chooseFramework);
  const [picked, setPicked] = useState<QualificationFramework>(current);
  const changing = picked !== current;

  return (
    <fieldset className="field framework-picker">
      <legend>Framework</legend>
      <div className="framework-choices">
        {QUALIFICATION_FRAMEWORKS.map((framework) => (
          <label key={framework} className="framework-choice">
            <input
              type="radio"
              name="qualification-framework"
              value={framework}
              checked={picked === framework}
              onChange={() => setPicked(framework)}
            />
            <span className="framework-choice-text">
              <span className="framework-choice-name">
                {frameworkName(framework)}
                {framework === current && <span className="current-tag">in use</span>}
              </span>
              <span className="framework-choice-description">{DESCRIPTIONS[framework]}</span>
            </span>
          </label>
        ))}
      </div>
      {changing && (
        <div className="framework-confirm banner banner-info">
          <p>
            {picked === 'custom'
              ? 'The current criteria are kept as your own list, to change as you like.'
              : `The checklist becomes ${BUILT_IN_FRAMEWORKS[picked].map((criterion) => criterion.label).join(', ')}. Answers leads already have are kept for the criteria both lists share.`}
          </p>
          <div className="form-actions">
            <button
              type="button"
              className="button-primary"
              disabled={saving}
              onClick={() => void chooseFramework(eventId, picked)}
            >
              {saving ? 'Saving…' : `Use ${frameworkName(picked)}`}
            </button>
            <button type="button" className="button-quiet" onClick={() => setPicked(current)}>
              Keep {frameworkName(current)}
            </button>
          </div>
        </div>
      )}
    </fieldset>
  );
}
