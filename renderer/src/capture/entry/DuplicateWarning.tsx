import { useEffect, useRef } from 'react';
import type { DuplicateReason } from '../../../../shared/domain/duplicates';
import { displayName } from '../../../../shared/domain/lead';
import { useAppStore } from '../../store/app-store';
import { NAME_FIELD_ID } from '../model/field-ids';
import { DateTime } from '../../components/DateTime';

/** After a merge or a save the form is ready for the next person: back to the first field, Name. */
function focusFirstField(saved: boolean): void {
  if (saved) document.getElementById(NAME_FIELD_ID)?.focus();
}

/** What the warning says about why it thinks so. */
const REASON_TEXT: Record<DuplicateReason, string> = {
  email: 'same email',
  'name+company': 'same name and company',
  'name+phone': 'same name and phone',
  'name+domain': 'same name and email domain',
  badge: 'same badge',
};

function reasonText(reasons: DuplicateReason[]): string {
  return reasons.map((reason) => REASON_TEXT[reason]).join(', ');
}

/**
 * "Already saved?": shown instead of saving when the form's person is probably a lead we
 * have. Names who captured it, when and at which show, and offers the three ways on:
 * merge into it, save anyway, open it. Focus lands on "Merge into it" so Enter merges.
 */
export function DuplicateWarning() {
  const duplicates = useAppStore((state) => state.duplicates);
  const saving = useAppStore((state) => state.saving);
  const saveLead = useAppStore((state) => state.saveLead);
  const mergeIntoDuplicate = useAppStore((state) => state.mergeIntoDuplicate);
  const dismissDuplicates = useAppStore((state) => state.dismissDuplicates);
  const navigate = useAppStore((state) => state.navigate);
  const firstAction = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (duplicates) firstAction.current?.focus();
  }, [duplicates]);

  if (!duplicates || duplicates.length === 0) return null;
  const [first] = duplicates;
  if (!first) return null;

  return (
    <section className="banner banner-warning duplicate-warning" role="alert" aria-labelledby="duplicate-heading">
      <h2 id="duplicate-heading">Already saved? Not saved yet.</h2>
      <ul className="duplicate-list">
        {duplicates.map((match) => (
          <li key={match.lead.id}>
            <strong>{displayName(match.lead)}</strong>
            {match.lead.company && `, ${match.lead.company}`} — captured by {match.lead.capturedBy || 'someone'}{' '}
            <DateTime iso={match.lead.capturedAt} />
            {match.eventName && ` at ${match.eventName}`} ({reasonText(match.reasons)}).
          </li>
        ))}
      </ul>
      <div className="duplicate-actions">
        <button ref={firstAction} type="button" className="button-primary" disabled={saving} onClick={() => void mergeIntoDuplicate(first.lead.id).then(focusFirstField)}>
          Merge into it
        </button>
        <button type="button" className="button-quiet" disabled={saving} onClick={() => void saveLead({ saveAnyway: true }).then(focusFirstField)}>
          Save anyway
        </button>
        <button
          type="button"
          className="button-quiet"
          onClick={() => {
            dismissDuplicates();
            navigate({ screen: 'lead', leadId: first.lead.id });
          }}
        >
          Open it
        </button>
      </div>
      <p className="banner-note">
        Merging fills the empty fields of the saved lead and keeps both notes and both card photos; a different email or phone goes to a
        free slot or into the notes.
      </p>
    </section>
  );
}
