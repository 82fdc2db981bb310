import { useEffect, useState } from 'react';
import { displayName } from '../../../shared/domain/lead';
import { ErrorBanner } from '../components/ErrorBanner';
import { ForgetLeadButton } from '../review/ForgetLeadButton';
import { useAppStore } from '../store/app-store';
import { ActivitiesPanel } from './ActivitiesPanel';
import { CardEvidence } from './CardEvidence';
import { ChecklistPanel } from './ChecklistPanel';
import { ConversionPanel } from './ConversionPanel';
import { ImportedFieldsPanel } from './ImportedFieldsPanel';
import { LeadFieldsForm } from './LeadFieldsForm';
import { LeadStatusPanel } from './LeadStatusPanel';
import { TimelineList } from './TimelineList';

/**
 * One lead: its details (editable until it is converted), its place in the lifecycle, the
 * show's checklist, what happened (activities, timeline), the card it came from, and
 * conversion. Escape goes back to the list with its search and scroll as they were.
 */
export function LeadDetailScreen({ leadId }: { leadId: string }) {
  const detail = useAppStore((state) => (state.leadDetail?.lead.id === leadId ? state.leadDetail : null));
  const loading = useAppStore((state) => state.leadDetailLoading);
  const loadError = useAppStore((state) => state.leadDetailError);
  const actionError = useAppStore((state) => state.leadActionError);
  const openLeadDetail = useAppStore((state) => state.openLeadDetail);
  const goBack = useAppStore((state) => state.goBack);
  // Edits not saved yet: the first Escape warns instead of throwing them away.
  const [unsaved, setUnsaved] = useState(false);
  const [leaveWarning, setLeaveWarning] = useState(false);

  useEffect(() => {
    void openLeadDetail(leadId);
  }, [leadId, openLeadDetail]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (unsaved && !leaveWarning) {
        setLeaveWarning(true);
        return;
      }
      event.preventDefault();
      goBack({ screen: 'leads' });
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [goBack, unsaved, leaveWarning]);

  if (!detail) {
    return (
      <section className="lead-detail" aria-busy={loading}>
        <BackButton />
        {loadError ? <ErrorBanner message={loadError} /> : <p>Opening the lead…</p>}
      </section>
    );
  }

  const { lead } = detail;
  const converted = lead.status === 'Converted';
  const orphanErrors = Object.entries(actionError?.fieldErrors ?? {})
    .filter(([field]) => !['firstName', 'lastName', 'company', 'email', 'title', 'phone', 'mobile', 'website', 'unqualifiedReason', 'expectedCloseDate'].includes(field))
    .map(([field, message]) => `${field}: ${message}`);

  // Not "lead-detail-title": that is the Job title field's id (LeadFieldsForm names its fields lead-detail-<field>).
  return (
    <section className="lead-detail" aria-labelledby="lead-detail-heading">
      <div className="detail-header">
        <BackButton />
        <div className="detail-title-block">
          <h2 id="lead-detail-heading" className="detail-title">
            {displayName(lead)}
            {lead.rating && <span className={`rating-tag rating-tag-${lead.rating.toLowerCase()}`}>{lead.rating}</span>}
          </h2>
          <p className="detail-subtitle">
            {[lead.title, lead.company].filter(Boolean).join(' · ')}
            {detail.event && <span> · {detail.event.name}</span>}
          </p>
        </div>
        <span className={`status-badge status-${lead.status.toLowerCase()}`}>{lead.status}</span>
      </div>
      {leaveWarning && (
        <div className="banner banner-warning" role="alert">
          You have changes that are not saved. Press Escape again to leave without them, or save first.
        </div>
      )}
      <ErrorBanner message={actionError?.message ?? null} details={orphanErrors} />
      {converted && <ConversionPanel />}
      <div className="detail-layout">
        <div className="detail-main">
          <LeadStatusPanel />
          <ChecklistPanel />
          {!converted && <ConversionPanel />}
          <LeadFieldsForm onDirtyChange={(dirty) => {
            setUnsaved(dirty);
            if (!dirty) setLeaveWarning(false);
          }} />
          <ImportedFieldsPanel />
          <ActivitiesPanel />
        </div>
        <aside className="detail-side">
          <CardEvidence />
          <TimelineList />
          <section className="forget-section" aria-label="Privacy">
            <ForgetLeadButton leadId={lead.id} personName={displayName(lead)} />
          </section>
        </aside>
      </div>
    </section>
  );
}

function BackButton() {
  const goBack = useAppStore((state) => state.goBack);
  return (
    <button type="button" className="button-quiet back-button" onClick={() => goBack({ screen: 'leads' })} aria-keyshortcuts="Escape">
      ← Back <kbd>Esc</kbd>
    </button>
  );
}
