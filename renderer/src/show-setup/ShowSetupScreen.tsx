import { FastScanSetting } from './FastScanSetting';
import { useEffect } from 'react';
import { ErrorBanner } from '../components/ErrorBanner';
import { useAppStore } from '../store/app-store';
import { currentEvent } from '../store/session-slice';
import { AutoConversionReviewList } from './AutoConversionReviewList';
import { BadgeProfilesEditor } from './BadgeProfilesEditor';
import { ConversionRuleEditor } from './ConversionRuleEditor';
import { CriteriaEditor } from './CriteriaEditor';
import { FollowupTemplateEditor } from './FollowupTemplateEditor';
import { FrameworkPicker } from './FrameworkPicker';
import { RuleRunPanel } from './RuleRunPanel';
import { ShowMoneyFields } from './ShowMoneyFields';
import { ShowTimeZoneField } from './ShowTimeZoneField';

/** How the current show qualifies, follows up and converts its leads. */
export function ShowSetupScreen() {
  const event = useAppStore((state) => currentEvent(state));
  const checklist = useAppStore((state) => (state.checklist?.eventId === state.settings.currentEventId ? state.checklist : null));
  const checklistLoadError = useAppStore((state) => (state.checklist ? null : (state.checklistError?.message ?? null)));
  const rule = useAppStore((state) => state.rule);
  const ruleLoaded = useAppStore((state) => state.ruleEventId === state.settings.currentEventId && !state.ruleLoading);
  const ruleLoadError = useAppStore((state) => (state.ruleLoading ? null : (state.ruleError?.message ?? null)));
  const reviewCount = useAppStore((state) => state.review.length);
  const loadChecklist = useAppStore((state) => state.loadChecklist);
  const loadRule = useAppStore((state) => state.loadRule);
  const loadReview = useAppStore((state) => state.loadReview);
  const eventId = event?.id ?? null;

  useEffect(() => {
    if (!eventId) return;
    void loadChecklist(eventId);
    void loadRule(eventId);
    void loadReview();
  }, [eventId, loadChecklist, loadRule, loadReview]);

  if (!event) return <ErrorBanner message="Pick a show first (Change show or name, at the top)." />;
  const checklistKey = checklist ? `${checklist.framework}:${JSON.stringify(checklist.criteria)}` : 'loading';
  return (
    <div className="show-setup crm-screen">
      <header className="record-header">
        <p className="record-kind">Show setup</p>
        <h2 className="screen-title">{event.name}</h2>
        <p className="record-subtitle">How this show qualifies leads, follows up and turns them into opportunities.</p>
      </header>

      <section className="form-section" aria-labelledby="setup-time-zone">
        <div className="section-heading">
          <h3 id="setup-time-zone">Time zone</h3>
          <span className="section-hint">The day each lead was captured, in exports, is the day at the show.</span>
        </div>
        <ShowTimeZoneField key={event.id} event={event} />
      </section>

      <section className="form-section" aria-labelledby="setup-money">
        <div className="section-heading">
          <h3 id="setup-money">Currency and cost</h3>
          <span className="section-hint">Amounts of this show’s opportunities are in its currency; its cost gives the dashboard cost per lead and per won deal.</span>
        </div>
        <ShowMoneyFields key={event.id} event={event} />
      </section>

      <section className="form-section" aria-labelledby="setup-scanning">
        <div className="section-heading">
          <h3 id="setup-scanning">Card scanning</h3>
          <span className="section-hint">On this laptop, for every show.</span>
        </div>
        <FastScanSetting />
      </section>

      <section className="form-section" aria-labelledby="setup-badges">
        <div className="section-heading">
          <h3 id="setup-badges">Badge profiles</h3>
          <span className="section-hint">How this show’s badges lay out their text, when the built-in caret, pipe and tab profiles do not fit.</span>
        </div>
        <BadgeProfilesEditor key={event.id} />
      </section>

      <section className="form-section" aria-labelledby="setup-checklist">
        <div className="section-heading">
          <h3 id="setup-checklist">Qualification checklist</h3>
          <span className="section-hint">Asked for every lead of this show. Changing a built-in list makes it custom.</span>
        </div>
        {!checklist ? (
          checklistLoadError ? <ErrorBanner message={checklistLoadError} /> : <p className="list-status">Loading the checklist…</p>
        ) : (
          <>
            <FrameworkPicker key={`framework-${checklist.framework}`} eventId={event.id} current={checklist.framework} />
            <CriteriaEditor key={checklistKey} checklist={checklist} />
          </>
        )}
      </section>

      <section className="form-section" aria-labelledby="setup-followup">
        <div className="section-heading">
          <h3 id="setup-followup">Follow-up email</h3>
          <span className="section-hint">Sent from a lead’s page, through your own mail program.</span>
        </div>
        <FollowupTemplateEditor key={event.id} event={event} />
      </section>

      <section className="form-section" aria-labelledby="setup-rule">
        <div className="section-heading">
          <h3 id="setup-rule">Automatic conversion</h3>
          <span className="section-hint">Turns qualified leads into account, contact and opportunity without a click.</span>
        </div>
        {!ruleLoaded ? (
          ruleLoadError ? <ErrorBanner message={ruleLoadError} /> : <p className="list-status">Loading the rule…</p>
        ) : (
          <>
            <ConversionRuleEditor
              key={event.id}
              eventId={event.id}
              rule={rule}
              criteriaCount={checklist?.criteria.length ?? 0}
            />
            <RuleRunPanel eventId={event.id} showName={event.name} />
          </>
        )}
      </section>

      <section className="form-section" aria-labelledby="setup-review">
        <div className="section-heading">
          <h3 id="setup-review">Converted automatically — check{reviewCount > 0 ? ` (${reviewCount})` : ''}</h3>
          <span className="section-hint">Open each lead, then mark it checked or undo the conversion.</span>
        </div>
        <AutoConversionReviewList />
      </section>
    </div>
  );
}
