import { useEffect, useState } from 'react';
import { ErrorBanner } from '../components/ErrorBanner';
import { useAppStore } from '../store/app-store';
import { ActivityList } from '../components/ActivityList';
import { ActivityLogForm } from '../components/ActivityLogForm';
import { BackButton } from './BackButton';
import { ContactRolesList } from './ContactRolesList';
import { formatAmount, formatCalendarDate, formatLocalTime } from '../components/date-and-number-format';
import { OpportunityEditForm } from './OpportunityEditForm';
import { RecordFacts } from './RecordFacts';
import { currencyOfShow } from '../store/session-slice';
import { StageHistoryList } from './StageHistoryList';
import { StagePath } from './StagePath';
import { StageTag } from './StageTag';
import { useEscapeBack } from './use-escape-back';

/** One opportunity: where it stands, who is involved, what was done, and moving it on to Closed Won or Lost. */
export function OpportunityDetailScreen({ opportunityId }: { opportunityId: string }) {
  const detail = useAppStore((state) => (state.opportunityDetail?.opportunity.id === opportunityId ? state.opportunityDetail : null));
  const error = useAppStore((state) => state.opportunityDetailError);
  const loadOpportunity = useAppStore((state) => state.loadOpportunity);
  const navigate = useAppStore((state) => state.navigate);
  const activitySaving = useAppStore((state) => state.activitySaving);
  const activityError = useAppStore((state) => state.activityError);
  const logOpportunityActivity = useAppStore((state) => state.logOpportunityActivity);
  const currency = useAppStore((state) => currencyOfShow(state, state.opportunityDetail?.opportunity.eventId ?? null));
  const [editing, setEditing] = useState(false);
  useEscapeBack({ screen: 'opportunities' });

  useEffect(() => {
    void loadOpportunity(opportunityId);
  }, [opportunityId, loadOpportunity]);

  const opportunity = detail?.opportunity;
  const fromLead = opportunity?.convertedFromLeadId;
  return (
    <section className="crm-screen record-page" aria-labelledby="opportunity-title">
      <BackButton fallback={{ screen: 'opportunities' }} />
      <ErrorBanner message={error} />
      {!detail || !opportunity ? (
        !error && <p className="list-status">Loading the opportunity…</p>
      ) : (
        <>
          <header className="record-header">
            <p className="record-kind">Opportunity</p>
            <h2 id="opportunity-title">
              {opportunity.name} <StageTag stage={opportunity.stage} />
            </h2>
            <p className="record-subtitle">
              <button type="button" className="button-link" onClick={() => navigate({ screen: 'account', accountId: detail.account.id })}>
                {detail.account.name}
              </button>
              {' · '}
              {[
                `closes ${formatCalendarDate(opportunity.closeDate)}`,
                opportunity.amount === null ? '' : `amount ${formatAmount(opportunity.amount, currency)}`,
                `${opportunity.probability} % probability`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
          </header>
          <section className="form-section" aria-labelledby="opportunity-stage">
            <h3 id="opportunity-stage">Stage</h3>
            <StagePath key={opportunity.id} current={opportunity.stage} />
            {opportunity.stage === 'Closed Lost' && opportunity.lostReason && (
              <p className="lost-reason">Lost because: {opportunity.lostReason}</p>
            )}
          </section>
          <div className="record-columns">
            <section className="form-section" aria-labelledby="opportunity-fields">
              <div className="section-heading">
                <h3 id="opportunity-fields">Details</h3>
                {!editing && (
                  <button type="button" className="button-secondary" onClick={() => setEditing(true)}>
                    Edit details
                  </button>
                )}
              </div>
              {editing ? (
                <OpportunityEditForm key={opportunity.id} opportunity={opportunity} currency={currency} onDone={() => setEditing(false)} />
              ) : (
              <RecordFacts
                label="Opportunity details"
                facts={[
                  { label: 'Close date', value: formatCalendarDate(opportunity.closeDate) },
                  { label: 'Amount', value: opportunity.amount === null ? 'Not set' : formatAmount(opportunity.amount, currency) },
                  { label: 'Probability', value: `${opportunity.probability} %` },
                  { label: 'Lead source', value: opportunity.leadSource },
                  {
                    label: 'Came from',
                    value: fromLead ? (
                      <button type="button" className="button-link" onClick={() => navigate({ screen: 'lead', leadId: fromLead })}>
                        Open the lead
                      </button>
                    ) : (
                      ''
                    ),
                  },
                  { label: 'Created', value: `${formatLocalTime(opportunity.createdAt)} by ${opportunity.createdBy}` },
                ]}
              />
              )}
            </section>
            <section className="form-section" aria-labelledby="opportunity-contacts">
              <h3 id="opportunity-contacts">Contact roles</h3>
              <ContactRolesList roles={detail.contactRoles} />
            </section>
          </div>
          <section className="form-section" aria-labelledby="opportunity-activities">
            <h3 id="opportunity-activities">Activities</h3>
            <ActivityLogForm key={opportunity.id} saving={activitySaving} error={activityError} onLog={logOpportunityActivity} />
            <ActivityList activities={detail.activities} />
          </section>
          <section className="form-section" aria-labelledby="opportunity-history">
            <h3 id="opportunity-history">Stage history</h3>
            <StageHistoryList history={detail.stageHistory} />
          </section>
        </>
      )}
    </section>
  );
}
