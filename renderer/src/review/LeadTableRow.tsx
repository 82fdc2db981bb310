import { Fragment, memo, type MouseEvent, type ReactNode } from 'react';
import { displayName, missingForExport, type Lead } from '../../../shared/domain/lead';
import { joinFieldLabels } from '../capture/entry/field-labels';
import { formatCapturedAt, formatLocalTimeFull } from '../components/date-and-number-format';
import { cellTextFits, type CellRoom, type CellTextKind } from './cell-text-fit';
import type { ReviewColumnKey } from './model/review-columns';

interface LeadTableRowProps {
  lead: Lead;
  index: number;
  columns: readonly ReviewColumnKey[];
  /** The columns' widths as laid out, to clip only the cells whose text can overflow (null: clip every text). */
  cellRoom: CellRoom | null;
  selected: boolean;
  possibleDuplicate: boolean;
  /** When the lead last went out in an export, or undefined. */
  exportedAt: string | undefined;
  /** Plain click or Enter. */
  onOpen(lead: Lead, index: number): void;
  /** The checkbox, Ctrl/Cmd+click or Space. */
  onToggle(index: number): void;
  /** Shift+click. */
  onRange(index: number): void;
}

/**
 * Formatted times by instant: each new row scrolled into view would otherwise pay two Intl
 * formats per time (a tenth of a millisecond each, dozens of rows a frame at speed). Keyed by
 * the day too, so "Today 10:15" becomes a date after midnight. Bounded.
 */
const formattedTimes = new Map<string, { short: string; full: string }>();
const FORMATTED_TIMES_KEPT = 2000;

function formattedTime(iso: string): { short: string; full: string } {
  const key = `${new Date().toDateString()}|${iso}`;
  let found = formattedTimes.get(key);
  if (!found) {
    if (formattedTimes.size >= FORMATTED_TIMES_KEPT) formattedTimes.clear();
    found = { short: formatCapturedAt(iso), full: formatLocalTimeFull(iso) };
    formattedTimes.set(key, found);
  }
  return found;
}

/**
 * One column's cell of a lead. A badge or a time is the cell itself, not an element inside
 * it, and each cell holds one text: every element and text node less is less to build, style
 * and lay out for each row that scrolls into view. A cell is clipped (with an ellipsis) only
 * when its text may not fit its column (cell-text-fit.ts).
 */
function cell(column: ReviewColumnKey, lead: Lead, possibleDuplicate: boolean, exportedAt: string | undefined, room: CellRoom | null): ReactNode {
  const base = `review-cell review-cell-${column}`;
  const className = (kind: CellTextKind, text: string, extra = '') =>
    `${base}${extra}${cellTextFits(room, column, kind, text) ? '' : ' review-cell-clipped'}`;
  switch (column) {
    case 'name': {
      const name = displayName(lead);
      // The duplicate tag's width is not measured: a name beside it is always clipped.
      return (
        <span className={possibleDuplicate ? `${base} review-cell-clipped` : className('name', name)}>
          {name}
          {possibleDuplicate && <span className="duplicate-tag">possible duplicate</span>}
        </span>
      );
    }
    case 'status':
      return <span className={className('status', lead.status, ` status-badge status-${lead.status.toLowerCase()}`)}>{lead.status}</span>;
    case 'rating':
      return lead.rating ? <span className={className('rating', lead.rating, ` rating-tag rating-tag-${lead.rating.toLowerCase()}`)}>{lead.rating}</span> : <span className={base} />;
    case 'captured': {
      const captured = formattedTime(lead.capturedAt);
      return (
        <time className={className('plain', captured.short)} dateTime={lead.capturedAt} title={captured.full}>
          {captured.short}
        </time>
      );
    }
    case 'exported': {
      if (exportedAt) {
        const exported = formattedTime(exportedAt);
        return (
          <time className={className('plain', exported.short)} dateTime={exportedAt} title={`Exported ${exported.full}`}>
            {exported.short}
          </time>
        );
      }
      const missing = missingForExport(lead);
      if (missing.length === 0) return <span className={className('plain', 'Not yet')}>Not yet</span>;
      const needs = `needs ${joinFieldLabels(missing)} for export`;
      return <span className={className('exportTag', needs, ' export-tag')}>{needs}</span>;
    }
    default: {
      const text = lead[column];
      return <span className={className('plain', text)}>{text}</span>;
    }
  }
}

/**
 * One lead as a table row: its box, then one cell per shown column. The row is one button
 * (click or Enter opens the lead); the box, Ctrl+click or Space selects it; Shift+click a range.
 * Memoised: while scrolling, only the rows that come into view are drawn, not every row again.
 */
export const LeadTableRow = memo(function LeadTableRow({ lead, index, columns, cellRoom, selected, possibleDuplicate, exportedAt, onOpen, onToggle, onRange }: LeadTableRowProps) {
  function onClick(event: MouseEvent<HTMLButtonElement>): void {
    if (event.shiftKey) {
      event.preventDefault();
      onRange(index);
    } else if (event.ctrlKey || event.metaKey) {
      event.preventDefault();
      onToggle(index);
    } else {
      onOpen(lead, index);
    }
  }

  return (
    <>
      <input
        type="checkbox"
        className="lead-select"
        aria-label={`Select ${displayName(lead)}`}
        checked={selected}
        tabIndex={-1}
        onChange={() => undefined}
        onClick={(event) => (event.shiftKey ? void onRange(index) : onToggle(index))}
      />
      <button type="button" className="lead-item" data-lead-id={lead.id} data-index={index} onClick={onClick}>
        {/* The spaces between cells (not laid out in the grid) keep the button's name readable: "Ana Zeller Acme …". */}
        {columns.map((column) => (
          <Fragment key={column}>
            {cell(column, lead, possibleDuplicate, exportedAt, cellRoom)}{' '}
          </Fragment>
        ))}
      </button>
    </>
  );
});
