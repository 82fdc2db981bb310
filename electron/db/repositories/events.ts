import type { Kysely } from 'kysely';
import type { QualificationFramework, ShowEvent } from '../../../shared/domain/event';
import type { Database, EventRow } from '../schema';

function eventFromRow(row: EventRow): ShowEvent {
  return {
    id: row.id,
    name: row.name,
    location: row.location,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    // The service only ever writes one of the known frameworks.
    qualificationFramework: row.qualification_framework as QualificationFramework,
    followupSubject: row.followup_subject,
    followupBody: row.followup_body,
    timeZone: row.time_zone,
    currency: row.currency,
    cost: row.cost,
    createdAt: row.created_at,
  };
}

export async function insertEvent(db: Kysely<Database>, event: ShowEvent): Promise<void> {
  await db
    .insertInto('events')
    .values({
      id: event.id,
      name: event.name,
      location: event.location,
      starts_on: event.startsOn,
      ends_on: event.endsOn,
      qualification_framework: event.qualificationFramework,
      followup_subject: event.followupSubject,
      followup_body: event.followupBody,
      time_zone: event.timeZone,
      currency: event.currency,
      cost: event.cost,
      created_at: event.createdAt,
    })
    .execute();
}

export async function updateEventColumns(
  db: Kysely<Database>,
  id: string,
  changes: {
    qualificationFramework?: QualificationFramework;
    followupSubject?: string;
    followupBody?: string;
    timeZone?: string;
    currency?: string;
    cost?: number | null;
  },
): Promise<void> {
  const columns = {
    ...(changes.currency !== undefined && { currency: changes.currency }),
    ...(changes.cost !== undefined && { cost: changes.cost }),
    ...(changes.timeZone !== undefined && { time_zone: changes.timeZone }),
    ...(changes.qualificationFramework !== undefined && { qualification_framework: changes.qualificationFramework }),
    ...(changes.followupSubject !== undefined && { followup_subject: changes.followupSubject }),
    ...(changes.followupBody !== undefined && { followup_body: changes.followupBody }),
  };
  if (Object.keys(columns).length === 0) return;
  await db.updateTable('events').set(columns).where('id', '=', id).execute();
}

export async function listEvents(db: Kysely<Database>): Promise<ShowEvent[]> {
  const rows = await db.selectFrom('events').selectAll().orderBy('created_at', 'desc').execute();
  return rows.map(eventFromRow);
}

export async function findEventById(db: Kysely<Database>, id: string): Promise<ShowEvent | undefined> {
  const row = await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
  return row && eventFromRow(row);
}

/** Show names are unique regardless of case: "CES 2027" and "ces 2027" are one show. */
export async function findEventByName(db: Kysely<Database>, name: string): Promise<ShowEvent | undefined> {
  // SQLite's NOCASE folds ASCII only; a handful of shows is cheap to compare in full Unicode here.
  const folded = name.trim().toLocaleLowerCase();
  const rows = await db.selectFrom('events').selectAll().execute();
  const match = rows.find((row) => row.name.toLocaleLowerCase() === folded);
  return match && eventFromRow(match);
}
