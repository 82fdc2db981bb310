import { useState, type FormEvent, type ReactNode } from 'react';
import type { ConversionRule } from '../../../shared/domain/crm';
import { DEFAULT_STAGE, isClosedStage, STAGE_NAMES, type OpportunityStage } from '../../../shared/domain/opportunity';
import { ErrorBanner } from '../components/ErrorBanner';
import { FieldMessage } from '../components/FieldMessage';
import { useAppStore } from '../store/app-store';

/** A rule converts into an open deal: a won or lost one was never worked on. */
const OPEN_STAGES = STAGE_NAMES.filter((stage) => !isClosedStage(stage));
const DEFAULT_CLOSE_IN_DAYS = 90;

interface ConversionRuleEditorProps {
  eventId: string;
  rule: ConversionRule | null;
  criteriaCount: number;
}

function wholeNumber(text: string): number | null {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** The show's automatic conversion rule: when a lead is converted without a click, and into what. */
export function ConversionRuleEditor({ eventId, rule, criteriaCount }: ConversionRuleEditorProps) {
  const saving = useAppStore((state) => state.ruleSaving);
  const error = useAppStore((state) => state.ruleError);
  const saveRule = useAppStore((state) => state.saveRule);
  const [enabled, setEnabled] = useState(rule !== null);
  const [minMet, setMinMet] = useState(String(rule?.minMet ?? Math.max(1, Math.min(3, criteriaCount))));
  const [requireCloseDate, setRequireCloseDate] = useState(rule?.requireCloseDate ?? false);
  const [stage, setStage] = useState<OpportunityStage>(rule?.stage ?? DEFAULT_STAGE);
  const [closeInDays, setCloseInDays] = useState(String(rule?.closeInDays ?? DEFAULT_CLOSE_IN_DAYS));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [savedNote, setSavedNote] = useState('');

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    setSavedNote('');
    if (!enabled) {
      setProblems({});
      if (await saveRule(eventId, null)) setSavedNote('Automatic conversion is off for this show.');
      return;
    }
    const min = wholeNumber(minMet);
    const days = wholeNumber(closeInDays);
    const found: Record<string, string> = {};
    if (min === null || min < 1) found.minMet = 'Type a whole number, 1 or more.';
    if (days === null) found.closeInDays = 'Type a whole number of days, like 90.';
    setProblems(found);
    if (min === null || min < 1 || days === null) return;
    if (await saveRule(eventId, { minMet: min, requireCloseDate, stage, closeInDays: days })) {
      setSavedNote('Saved. Leads that meet the rule from now on are converted when their checklist is answered.');
    }
  }

  const apiErrors = error?.fieldErrors ?? {};
  const minMetError = problems.minMet ?? apiErrors['rule.minMet'];
  const daysError = problems.closeInDays ?? apiErrors['rule.closeInDays'];
  const minNumber = wholeNumber(minMet);
  const unreachable = enabled && minNumber !== null && minNumber > criteriaCount;
  const placed = ['rule.minMet', 'rule.closeInDays'];
  const banner = error && !Object.keys(apiErrors).some((key) => placed.includes(key)) ? error.message : null;
  return (
    <form className="rule-editor" noValidate onSubmit={(event) => void submit(event)} aria-label="Automatic conversion rule">
      <label className="rule-switch">
        <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
        Convert leads automatically when they meet this rule
      </label>
      <fieldset className="rule-fields" disabled={!enabled}>
        <legend className="visually-hidden">The rule</legend>
        <div className={`field rule-inline${minMetError ? ' field-invalid' : ''}`}>
          <label htmlFor="rule-min-met">Criteria met, at least</label>
          <InlineNumber id="rule-min-met" min={1} max={30} value={minMet} invalid={Boolean(minMetError)} onChange={setMinMet}>
            of {criteriaCount} on this show’s checklist
          </InlineNumber>
          <FieldMessage
            id="rule-min-met-message"
            error={minMetError}
            hint={unreachable ? `The checklist has ${criteriaCount} criteria, so no lead can meet this.` : undefined}
          />
        </div>
        <label className="booth-toggle">
          <input type="checkbox" checked={requireCloseDate} onChange={(change) => setRequireCloseDate(change.target.checked)} />
          …and only when the lead has an expected close date
        </label>
        <div className="field-grid">
          <div className="field">
            <label htmlFor="rule-stage">Opportunity stage</label>
            <select id="rule-stage" value={stage} onChange={(change) => setStage(change.target.value as OpportunityStage)}>
              {OPEN_STAGES.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </div>
          <div className={`field${daysError ? ' field-invalid' : ''}`}>
            <label htmlFor="rule-close-in">Close date, when the lead has none</label>
            <InlineNumber id="rule-close-in" min={0} max={3650} value={closeInDays} invalid={Boolean(daysError)} onChange={setCloseInDays}>
              days after the conversion
            </InlineNumber>
            <FieldMessage id="rule-close-in-message" error={daysError} />
          </div>
        </div>
      </fieldset>
      <ErrorBanner message={banner} />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save rule'}
        </button>
        <p className="save-confirmation" role="status">
          {savedNote}
        </p>
      </div>
    </form>
  );
}

interface InlineNumberProps {
  id: string;
  min: number;
  max: number;
  value: string;
  invalid: boolean;
  onChange(value: string): void;
  /** The words after the number ("days after the conversion"). */
  children: ReactNode;
}

/** A number typed inside a sentence; its message is the element `${id}-message`. */
function InlineNumber({ id, min, max, value, invalid, onChange, children }: InlineNumberProps) {
  return (
    <span className="inline-number">
      <input
        id={id}
        type="number"
        min={min}
        max={max}
        inputMode="numeric"
        value={value}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={`${id}-message`}
        onChange={(change) => onChange(change.target.value)}
      />
      <span>{children}</span>
    </span>
  );
}
