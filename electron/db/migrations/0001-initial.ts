import { sql, type Kysely } from 'kysely';

// Migrations take Kysely<any>: they describe the schema as it was then, not as the
// current table types say it is.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE events (
      id TEXT PRIMARY KEY NOT NULL,
      name TEXT NOT NULL CHECK (name <> ''),
      location TEXT NOT NULL DEFAULT '',
      starts_on TEXT NOT NULL DEFAULT '',
      ends_on TEXT NOT NULL DEFAULT '',
      qualification_framework TEXT NOT NULL DEFAULT 'BANT',
      created_at TEXT NOT NULL
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX events_name ON events (name COLLATE NOCASE)`.execute(db);

  await sql`
    CREATE TABLE settings (
      key TEXT PRIMARY KEY NOT NULL,
      value TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`.execute(db);

  await sql`
    CREATE TABLE leads (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      event_id TEXT REFERENCES events (id) ON DELETE RESTRICT,
      salutation TEXT NOT NULL DEFAULT '',
      first_name TEXT NOT NULL DEFAULT '',
      last_name TEXT NOT NULL DEFAULT '',
      company TEXT NOT NULL DEFAULT '',
      title TEXT NOT NULL DEFAULT '',
      email TEXT NOT NULL DEFAULT '',
      phone TEXT NOT NULL DEFAULT '',
      mobile TEXT NOT NULL DEFAULT '',
      website TEXT NOT NULL DEFAULT '',
      street TEXT NOT NULL DEFAULT '',
      city TEXT NOT NULL DEFAULT '',
      region TEXT NOT NULL DEFAULT '',
      postal_code TEXT NOT NULL DEFAULT '',
      country TEXT NOT NULL DEFAULT '',
      lead_source TEXT NOT NULL DEFAULT 'Trade Show' CHECK (lead_source <> ''),
      status TEXT NOT NULL DEFAULT 'New'
        CHECK (status IN ('New', 'Working', 'Qualified', 'Unqualified', 'Converted')),
      rating TEXT CHECK (rating IN ('Hot', 'Warm', 'Cold')),
      notes TEXT NOT NULL DEFAULT '',
      consent_given INTEGER CHECK (consent_given IN (0, 1)),
      consent_at TEXT,
      consent_wording TEXT,
      capture_method TEXT NOT NULL
        CHECK (capture_method IN ('card_scan', 'badge_scan', 'typed', 'imported')),
      captured_by TEXT NOT NULL,
      captured_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX leads_newest ON leads (captured_at DESC, seq DESC)`.execute(db);
  await sql`CREATE INDEX leads_event_newest ON leads (event_id, captured_at DESC, seq DESC)`.execute(db);
  await sql`CREATE INDEX leads_email ON leads (lower(email)) WHERE email <> ''`.execute(db);

  // External-content FTS5 index over what people search by; triggers keep it in step.
  await sql`
    CREATE VIRTUAL TABLE leads_fts USING fts5 (
      first_name, last_name, company, email, notes,
      content = 'leads', content_rowid = 'seq',
      tokenize = 'unicode61 remove_diacritics 2'
    )`.execute(db);
  await sql`
    CREATE TRIGGER leads_fts_insert AFTER INSERT ON leads BEGIN
      INSERT INTO leads_fts (rowid, first_name, last_name, company, email, notes)
      VALUES (new.seq, new.first_name, new.last_name, new.company, new.email, new.notes);
    END`.execute(db);
  await sql`
    CREATE TRIGGER leads_fts_delete AFTER DELETE ON leads BEGIN
      INSERT INTO leads_fts (leads_fts, rowid, first_name, last_name, company, email, notes)
      VALUES ('delete', old.seq, old.first_name, old.last_name, old.company, old.email, old.notes);
    END`.execute(db);
  await sql`
    CREATE TRIGGER leads_fts_update AFTER UPDATE OF first_name, last_name, company, email, notes ON leads BEGIN
      INSERT INTO leads_fts (leads_fts, rowid, first_name, last_name, company, email, notes)
      VALUES ('delete', old.seq, old.first_name, old.last_name, old.company, old.email, old.notes);
      INSERT INTO leads_fts (rowid, first_name, last_name, company, email, notes)
      VALUES (new.seq, new.first_name, new.last_name, new.company, new.email, new.notes);
    END`.execute(db);
}
