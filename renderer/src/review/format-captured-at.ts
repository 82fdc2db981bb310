/**
 * When a lead was captured, in the viewer's local time (stored in UTC). Today's leads show
 * only the time, which is what a person at the booth scans for.
 */
export function formatCapturedAt(isoUtc: string, now: Date = new Date()): string {
  const at = new Date(isoUtc);
  if (Number.isNaN(at.getTime())) return isoUtc;
  const time = at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  if (at.toDateString() === now.toDateString()) return `Today ${time}`;
  const date = at.toLocaleDateString(undefined, { day: 'numeric', month: 'short', ...(at.getFullYear() !== now.getFullYear() && { year: 'numeric' }) });
  return `${date}, ${time}`;
}
