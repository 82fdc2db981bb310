import { formatCapturedAt, formatLocalTimeFull } from './date-and-number-format';

/**
 * The app's one way to show a moment: short and relative to today ("Today 09:30", "12 Mar, 09:30"),
 * the full local date and time on hover, and the machine-readable instant in `dateTime`.
 */
export function DateTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatLocalTimeFull(iso)}>
      {formatCapturedAt(iso)}
    </time>
  );
}
