import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { ExportFilter } from '../../../shared/domain/exchange';
import type { Lead } from '../../../shared/domain/lead';
import type { Database, LeadRow } from '../schema';
import { leadExportedCondition } from './export-batches';
import { leadFromRow } from './lead-rows';
import { reviewFilterCondition, type DuplicateMembership } from './review-query';

/**
 * The leads an export filter chooses: a show, a status, only those not exported yet, the
 * review list's filter, or exact ids (each also meeting the rest of the filter), always in
 * capture order.
 */

/**
 * An export filter and what resolving it needs besides: the leads the duplicate rule groups,
 * when its review filter asks about duplicates (the service works them out: see duplicate-groups-service).
 */
export interface ExportChoice {
  filter: ExportFilter;
  duplicates: DuplicateMembership | null;
}

/** The show/status/only-new/review-filter part of a choice as conditions on `leads`. */
function filtered(db: Kysely<Database>, { filter, duplicates }: ExportChoice) {
  let query = db.selectFrom('leads');
  if (filter.eventId) query = query.where('event_id', '=', filter.eventId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.onlyNew) query = query.where(leadExportedCondition(false));
  // The review list's own conditions (review-query.ts): "Export these N leads" takes exactly the leads the list shows.
  if (filter.review) query = query.where(reviewFilterCondition(filter.review, duplicates));
  return query;
}

/** The query over `leads` a filter makes, before its columns are chosen. */
type ChosenQuery = ReturnType<typeof filtered>;

/**
 * What an export reads of each chosen lead: the whole lead for the formats written from
 * leads, the id alone for a bundle (it reads its records itself) and for counting.
 */
export type ChosenShape = 'lead' | 'id';
type ItemOf<Shape extends ChosenShape> = Shape extends 'lead' ? Lead : string;

/** The columns of a shape (`seq` always comes along: the slices follow it) and how a row becomes its item. */
interface ShapeReading<Row extends { seq: number }, Item> {
  columns: (query: ChosenQuery) => SelectQueryBuilder<Database, 'leads', Row>;
  toItem: (row: Row) => Item;
}
const wholeLeads: ShapeReading<LeadRow, Lead> = { columns: (query) => query.selectAll(), toItem: leadFromRow };
const idsOnly: ShapeReading<Pick<LeadRow, 'id' | 'seq'>, string> = { columns: (query) => query.select(['id', 'seq']), toItem: (row) => row.id };

function readingOf<Shape extends ChosenShape>(shape: Shape): ShapeReading<{ seq: number }, ItemOf<Shape>> {
  // The shape picks the reading; its item type is the one ItemOf names for that shape.
  return (shape === 'lead' ? wholeLeads : idsOnly) as unknown as ShapeReading<{ seq: number }, ItemOf<Shape>>;
}

/** Rows of these ids that also meet the rest of the filter, in capture order. */
function readByIds<Row extends { seq: number }>(db: Kysely<Database>, choice: ExportChoice, ids: readonly string[], columns: ShapeReading<Row, unknown>['columns']): Promise<Row[]> {
  // The ids as one JSON array SQLite unpacks (json_each): one query for the slice.
  return columns(filtered(db, choice))
    .where(sql<boolean>`id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`)
    .orderBy('seq')
    .execute();
}

/** How many leads a filter chooses. */
export async function countChosenLeads(db: Kysely<Database>, choice: ExportChoice): Promise<number> {
  const { leadIds } = choice.filter;
  if (leadIds) return (await readByIds(db, choice, leadIds, idsOnly.columns)).length;
  const row = await filtered(db, choice).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

/**
 * Reads the leads a filter chooses a slice at a time (in seq order, so SQLite reads the
 * table front to back), handing each slice's items to `onSlice` as soon as they are made (so
 * rows are garbage while still young instead of 100,000 rows kept beside their items).
 * `stop` is asked before each slice; false when it stopped the reading, true when all was read.
 */
export async function readChosenLeadsInSlices<Shape extends ChosenShape>(
  db: Kysely<Database>,
  choice: ExportChoice,
  shape: Shape,
  options: { sliceSize: number; stop: () => boolean; onSlice: (items: Array<ItemOf<Shape>>) => Promise<void> },
): Promise<boolean> {
  const { columns, toItem } = readingOf(shape);
  const { sliceSize, stop, onSlice } = options;
  const { leadIds } = choice.filter;
  if (leadIds) {
    for (let start = 0; start < leadIds.length; start += sliceSize) {
      if (stop()) return false;
      await onSlice((await readByIds(db, choice, leadIds.slice(start, start + sliceSize), columns)).map(toItem));
    }
    return true;
  }
  let after = 0;
  for (;;) {
    if (stop()) return false;
    const rows = await columns(filtered(db, choice)).where('seq', '>', after).orderBy('seq').limit(sliceSize).execute();
    await onSlice(rows.map(toItem));
    if (rows.length < sliceSize) return true;
    after = (rows[rows.length - 1] as { seq: number }).seq;
  }
}
