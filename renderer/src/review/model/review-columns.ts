import type { ReviewSortKey } from '../../../../shared/domain/review';

/**
 * The review table's columns: which exist, in which order, how wide they start, and which
 * the list can be sorted by (only those the database keeps a review index for: migration 0007).
 * Below the store, which remembers the person's choice of columns and widths.
 */
export const REVIEW_COLUMNS = ['name', 'company', 'email', 'status', 'rating', 'captured', 'capturedBy', 'exported'] as const;
export type ReviewColumnKey = (typeof REVIEW_COLUMNS)[number];

export interface ReviewColumnSpec {
  label: string;
  /**
   * Starting width in CSS pixels. The defaults add up to about the table's width in a
   * 1280-pixel window (columns share the width in proportion), so no default column cuts
   * its heading, a rating tag, a capture time or a name's duplicate tag there.
   */
  width: number;
  sortKey?: ReviewSortKey;
}

export const REVIEW_COLUMN_SPECS: Record<ReviewColumnKey, ReviewColumnSpec> = {
  name: { label: 'Name', width: 185, sortKey: 'name' },
  company: { label: 'Company', width: 135, sortKey: 'company' },
  email: { label: 'Email', width: 165 },
  status: { label: 'Status', width: 88, sortKey: 'status' },
  rating: { label: 'Rating', width: 86, sortKey: 'rating' },
  captured: { label: 'Captured', width: 170, sortKey: 'captured' },
  capturedBy: { label: 'By', width: 95 },
  exported: { label: 'Exported', width: 120 },
};

/** A column is never narrower than this (its heading must stay readable) nor wider than the maximum. */
export const MIN_COLUMN_WIDTH = 56;
export const MAX_COLUMN_WIDTH = 640;

export interface ReviewColumnLayout {
  /** The columns shown, in table order. Name is always among them: it is what opens a lead. */
  visible: readonly ReviewColumnKey[];
  widths: Readonly<Record<ReviewColumnKey, number>>;
}

export const DEFAULT_COLUMN_LAYOUT: ReviewColumnLayout = {
  visible: REVIEW_COLUMNS,
  widths: Object.fromEntries(REVIEW_COLUMNS.map((key) => [key, REVIEW_COLUMN_SPECS[key].width])) as Record<ReviewColumnKey, number>,
};

export function clampColumnWidth(width: number): number {
  return Math.round(Math.max(MIN_COLUMN_WIDTH, Math.min(MAX_COLUMN_WIDTH, width)));
}

/** Shows or hides a column, keeping table order; Name cannot be hidden. */
export function withColumnShown(layout: ReviewColumnLayout, key: ReviewColumnKey, shown: boolean): ReviewColumnLayout {
  if (key === 'name' && !shown) return layout;
  const visible = REVIEW_COLUMNS.filter((column) => (column === key ? shown : layout.visible.includes(column)));
  return { ...layout, visible };
}

/**
 * A layout read back from storage, trusted only as far as it checks out: unknown keys are
 * dropped, widths clamped, Name kept; anything unreadable gives the default.
 */
export function parseColumnLayout(text: string | null): ReviewColumnLayout {
  if (!text) return DEFAULT_COLUMN_LAYOUT;
  try {
    const raw: unknown = JSON.parse(text);
    if (typeof raw !== 'object' || raw === null) return DEFAULT_COLUMN_LAYOUT;
    const { visible, widths } = raw as { visible?: unknown; widths?: unknown };
    const shown = new Set(Array.isArray(visible) ? visible.filter((key): key is ReviewColumnKey => (REVIEW_COLUMNS as readonly unknown[]).includes(key)) : REVIEW_COLUMNS);
    shown.add('name');
    const storedWidths = typeof widths === 'object' && widths !== null ? (widths as Record<string, unknown>) : {};
    return {
      visible: REVIEW_COLUMNS.filter((key) => shown.has(key)),
      widths: Object.fromEntries(
        REVIEW_COLUMNS.map((key) => {
          const stored = storedWidths[key];
          return [key, typeof stored === 'number' && Number.isFinite(stored) ? clampColumnWidth(stored) : DEFAULT_COLUMN_LAYOUT.widths[key]];
        }),
      ) as Record<ReviewColumnKey, number>,
    };
  } catch {
    return DEFAULT_COLUMN_LAYOUT;
  }
}

/**
 * Widths are shares: the table always fills the window's width, each column getting its
 * width's share of it (never less than MIN_COLUMN_WIDTH). To make a column `targetPx` wide
 * on screen while the others keep their widths, its width becomes this.
 */
export function widthForShownWidth(targetPx: number, otherWidths: number, tableWidthPx: number): number {
  const target = Math.max(MIN_COLUMN_WIDTH, Math.min(targetPx, tableWidthPx - MIN_COLUMN_WIDTH));
  if (otherWidths <= 0 || tableWidthPx <= target) return clampColumnWidth(target);
  return clampColumnWidth((target * otherWidths) / (tableWidthPx - target));
}

/** The CSS grid columns of the table: the selection box, then each shown column's share. */
export function gridColumns(layout: ReviewColumnLayout): string {
  return ['2.25rem', ...layout.visible.map((key) => `minmax(${MIN_COLUMN_WIDTH}px, ${layout.widths[key]}fr)`)].join(' ');
}
