import { useAppStore } from '../store/app-store';

/** A person's name in an export's warnings or history that opens their lead (Escape comes back here). */
export function LeadNameButton({ leadId, name }: { leadId: string; name: string }) {
  const navigate = useAppStore((state) => state.navigate);
  return (
    <button type="button" className="button-link" onClick={() => navigate({ screen: 'lead', leadId })}>
      {name}
    </button>
  );
}
