import { sql, type Kysely } from 'kysely';

/**
 * Qualify and convert: each show's checklist, a lead's answers, its timeline and
 * activities; Accounts, Contacts and Opportunities (Salesforce's objects); the record of
 * each conversion (what it created and what it filled, so it can be undone exactly);
 * a show's automatic conversion rule and follow-up email template.
 */
// Kysely<any>: a migration sees the schema as it was at its version (Kysely's advice).
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE events ADD COLUMN followup_subject TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE events ADD COLUMN followup_body TEXT NOT NULL DEFAULT ''`.execute(db);

  await sql`ALTER TABLE leads ADD COLUMN unqualified_reason TEXT NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE leads ADD COLUMN expected_close_date TEXT NOT NULL DEFAULT ''`.execute(db);
  // 1 when a person picked the rating: the checklist's suggestion then no longer changes it.
  await sql`ALTER TABLE leads ADD COLUMN rating_by_person INTEGER NOT NULL DEFAULT 0`.execute(db);
  await sql`UPDATE leads SET rating_by_person = 1 WHERE rating IS NOT NULL`.execute(db);

  await sql`
    CREATE TABLE qualification_criteria (
      event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
      key TEXT NOT NULL,
      label TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('yesno', 'choice', 'text')),
      choices TEXT NOT NULL DEFAULT '[]',
      position INTEGER NOT NULL,
      ask_at_booth INTEGER NOT NULL DEFAULT 0 CHECK (ask_at_booth IN (0, 1)),
      PRIMARY KEY (event_id, key)
    )`.execute(db);
  // Every show so far gets the checklist of the framework it names.
  const builtIn: Record<string, Array<[string, string]>> = {
    BANT: [['budget', 'Budget'], ['authority', 'Authority'], ['need', 'Need'], ['timeline', 'Timeline']],
    ANUM: [['authority', 'Authority'], ['need', 'Need'], ['urgency', 'Urgency'], ['money', 'Money']],
    CHAMP: [['challenges', 'Challenges'], ['authority', 'Authority'], ['money', 'Money'], ['prioritization', 'Prioritization']],
  };
  for (const [framework, criteria] of Object.entries(builtIn)) {
    for (const [position, [key, label]] of criteria.entries()) {
      await sql`
        INSERT INTO qualification_criteria (event_id, key, label, kind, position)
        SELECT id, ${key}, ${label}, 'yesno', ${position} FROM events WHERE qualification_framework = ${framework}`.execute(db);
    }
  }

  await sql`
    CREATE TABLE lead_criteria (
      lead_id TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
      criterion_key TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('met', 'unmet', 'unknown')),
      value TEXT NOT NULL DEFAULT '',
      note TEXT NOT NULL DEFAULT '',
      answered_by TEXT NOT NULL,
      answered_at TEXT NOT NULL,
      PRIMARY KEY (lead_id, criterion_key)
    ) WITHOUT ROWID`.execute(db);

  // Append-only: rows are added, never changed (undo adds an entry of its own).
  await sql`
    CREATE TABLE lead_timeline (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      lead_id TEXT NOT NULL REFERENCES leads (id) ON DELETE CASCADE,
      at TEXT NOT NULL,
      actor TEXT NOT NULL,
      kind TEXT NOT NULL,
      -- JSON: what happened (fields with old and new values, the criterion, the records made).
      details TEXT NOT NULL DEFAULT '{}'
    )`.execute(db);
  await sql`CREATE INDEX lead_timeline_lead ON lead_timeline (lead_id, seq DESC)`.execute(db);
  await sql`
    INSERT INTO lead_timeline (id, lead_id, at, actor, kind, details)
    SELECT lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' ||
           substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),
           leads.id, leads.captured_at, leads.captured_by, 'captured',
           json_object('method', leads.capture_method, 'eventId', leads.event_id, 'eventName', coalesce(events.name, ''))
    FROM leads LEFT JOIN events ON events.id = leads.event_id
    ORDER BY leads.seq`.execute(db);

  await sql`
    CREATE TABLE accounts (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      name TEXT NOT NULL CHECK (name <> ''),
      -- normalizeCompanyName(name): case, accents and legal forms ignored, for matching.
      name_key TEXT NOT NULL,
      website TEXT NOT NULL DEFAULT '',
      -- The company's domain from its website or a contact's email, for matching.
      domain TEXT NOT NULL DEFAULT '',
      phone TEXT NOT NULL DEFAULT '',
      street TEXT NOT NULL DEFAULT '',
      city TEXT NOT NULL DEFAULT '',
      region TEXT NOT NULL DEFAULT '',
      postal_code TEXT NOT NULL DEFAULT '',
      country TEXT NOT NULL DEFAULT '',
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX accounts_name_key ON accounts (name_key)`.execute(db);
  await sql`CREATE INDEX accounts_domain ON accounts (domain)`.execute(db);

  await sql`
    CREATE TABLE contacts (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
      salutation TEXT NOT NULL DEFAULT '',
      first_name TEXT NOT NULL DEFAULT '',
      last_name TEXT NOT NULL DEFAULT '',
      title TEXT NOT NULL DEFAULT '',
      email TEXT NOT NULL DEFAULT '',
      phone TEXT NOT NULL DEFAULT '',
      mobile TEXT NOT NULL DEFAULT '',
      street TEXT NOT NULL DEFAULT '',
      city TEXT NOT NULL DEFAULT '',
      region TEXT NOT NULL DEFAULT '',
      postal_code TEXT NOT NULL DEFAULT '',
      country TEXT NOT NULL DEFAULT '',
      lead_source TEXT NOT NULL DEFAULT '',
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX contacts_account ON contacts (account_id)`.execute(db);
  await sql`CREATE INDEX contacts_email ON contacts (lower(email)) WHERE email <> ''`.execute(db);
  await sql`CREATE INDEX contacts_account_last_name ON contacts (account_id, last_name COLLATE NOCASE)`.execute(db);

  await sql`
    CREATE TABLE opportunities (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE RESTRICT,
      event_id TEXT REFERENCES events (id) ON DELETE SET NULL,
      name TEXT NOT NULL CHECK (name <> ''),
      stage TEXT NOT NULL,
      close_date TEXT NOT NULL,
      amount REAL,
      lead_source TEXT NOT NULL DEFAULT '',
      lost_reason TEXT NOT NULL DEFAULT '',
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX opportunities_account ON opportunities (account_id)`.execute(db);

  await sql`
    CREATE TABLE opportunity_contact_roles (
      opportunity_id TEXT NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
      contact_id TEXT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
      role TEXT NOT NULL DEFAULT '',
      is_primary INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1)),
      PRIMARY KEY (opportunity_id, contact_id)
    ) WITHOUT ROWID`.execute(db);
  await sql`CREATE INDEX opportunity_contact_roles_contact ON opportunity_contact_roles (contact_id)`.execute(db);

  await sql`
    CREATE TABLE opportunity_stage_history (
      seq INTEGER PRIMARY KEY,
      opportunity_id TEXT NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
      stage TEXT NOT NULL,
      at TEXT NOT NULL,
      actor TEXT NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX opportunity_stage_history_opportunity ON opportunity_stage_history (opportunity_id, seq)`.execute(db);

  await sql`
    CREATE TABLE activities (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      lead_id TEXT REFERENCES leads (id) ON DELETE CASCADE,
      opportunity_id TEXT REFERENCES opportunities (id) ON DELETE SET NULL,
      type TEXT NOT NULL CHECK (type IN ('call', 'email', 'meeting', 'note')),
      occurred_at TEXT NOT NULL,
      outcome TEXT NOT NULL DEFAULT '',
      text TEXT NOT NULL DEFAULT '',
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX activities_lead ON activities (lead_id, occurred_at DESC)`.execute(db);
  await sql`CREATE INDEX activities_opportunity ON activities (opportunity_id, occurred_at DESC)`.execute(db);

  // One row per conversion: what it made and what it filled in, so undo restores exactly.
  await sql`
    CREATE TABLE conversions (
      id TEXT PRIMARY KEY NOT NULL,
      lead_id TEXT NOT NULL UNIQUE REFERENCES leads (id) ON DELETE CASCADE,
      account_id TEXT NOT NULL REFERENCES accounts (id),
      account_created INTEGER NOT NULL CHECK (account_created IN (0, 1)),
      contact_id TEXT NOT NULL REFERENCES contacts (id),
      contact_created INTEGER NOT NULL CHECK (contact_created IN (0, 1)),
      opportunity_id TEXT REFERENCES opportunities (id),
      -- JSON: { account: {column: previous value}, contact: {...}, lead: {status, rating, ...} }
      restore TEXT NOT NULL,
      automatic INTEGER NOT NULL DEFAULT 0 CHECK (automatic IN (0, 1)),
      -- Automatic conversions wait in a review list until a person has looked at them.
      reviewed INTEGER NOT NULL DEFAULT 0 CHECK (reviewed IN (0, 1)),
      -- Set when an export carried any record of it: undo is no longer possible.
      exported_at TEXT,
      converted_by TEXT NOT NULL,
      converted_at TEXT NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX conversions_review ON conversions (automatic, reviewed)`.execute(db);
  // Contacts and opportunities are listed with the lead they came from: joins on these.
  await sql`CREATE INDEX conversions_contact ON conversions (contact_id)`.execute(db);
  await sql`CREATE INDEX conversions_opportunity ON conversions (opportunity_id)`.execute(db);
  await sql`CREATE INDEX conversions_account ON conversions (account_id)`.execute(db);

  await sql`
    CREATE TABLE conversion_rules (
      event_id TEXT PRIMARY KEY NOT NULL REFERENCES events (id) ON DELETE CASCADE,
      min_met INTEGER NOT NULL CHECK (min_met >= 1),
      require_close_date INTEGER NOT NULL DEFAULT 0 CHECK (require_close_date IN (0, 1)),
      stage TEXT NOT NULL,
      close_in_days INTEGER NOT NULL CHECK (close_in_days >= 0),
      updated_at TEXT NOT NULL
    )`.execute(db);
}
