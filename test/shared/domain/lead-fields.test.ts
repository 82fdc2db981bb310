/**
 * Adding a lead field is a migration, one registry row (shared/domain/lead-fields.ts) and a
 * place on the entry form. These tests fail while one of the pieces is missing: a registry
 * row without its column in a migrated database, without a place on the form, or an export
 * that claims a field and does not write it.
 */
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findLeadById, insertLead } from '../../../electron/db/repositories/leads';
import { guessMapping } from '../../../electron/exchange/csv-headers';
import { hubspotContactsCsv } from '../../../electron/exchange/hubspot-contacts-csv';
import { salesforceLeadsCsv } from '../../../electron/exchange/salesforce-leads-csv';
import { leadToVcard } from '../../../electron/exchange/vcard-writer';
import { FIELD_LABELS } from '../../../renderer/src/capture/entry/field-labels';
import { FIELD_ORDER_FOR_FOCUS } from '../../../renderer/src/capture/model/field-order';
import { LEAD_CONTACT_FIELDS, leadContactSchema, leadPatchSchema, newLeadSchema, type Lead } from '../../../shared/domain/lead';
import { DEFAULT_SALESFORCE_PROFILE } from '../../../shared/domain/exchange';
import { LEAD_FIELD_COLUMNS, LEAD_FIELDS, LEAD_RECORD_FIELDS, leadFieldsInGroups, type LeadFieldGroup, type LeadRecordField } from '../../../shared/domain/lead-fields';
import { makeLead } from '../../support/lead-fixture';
import { openTempStore, type TempStore } from '../../support/temp-database';

/** A value its kind allows that differs from the field's initial one (a choice, a day, a text of its own). */
function valueOfKind(field: LeadRecordField, index: number): string {
  // The second choice: not the initial one, and not Converted, which the Salesforce Leads CSV leaves out.
  if (field.choices) return field.choices[1] as string;
  if (field.kind === 'date') return '2027-03-31';
  return `R${index}${field.key}`.slice(0, field.maxLength);
}

/** A value of its own for every field, so a value written under the wrong column shows. */
function leadWithEveryField(): Lead {
  const fields = Object.fromEntries([
    ...LEAD_FIELDS.map((field, index) => [field.key, `V${index}${field.key}`.slice(0, field.maxLength)]),
    ...LEAD_RECORD_FIELDS.map((field, index) => [field.key, valueOfKind(field, index)]),
  ]);
  return makeLead(fields);
}

/**
 * The leads table's columns that are no field of the registry, and why: what records where a
 * lead came from, keys and derived values. A migration adding a column must add a registry
 * row, or the column here with its reason.
 */
const COLUMNS_OUTSIDE_THE_REGISTRY = [
  // keys
  'seq',
  'id',
  // where the lead comes from: set at capture, never edited as a field
  'event_id',
  'capture_method',
  'captured_by',
  'captured_at',
  'updated_at',
  'source_uid',
  'badge_payload',
  // the consent is one record (given, when, the wording shown), not three fields
  'consent_given',
  'consent_at',
  'consent_wording',
  // what an imported file held that no field took (a JSON object)
  'imported_fields',
  // derived: the duplicate check's key, and who set the rating
  'name_key',
  'rating_by_person',
  // the sync's stamp of the lead as received whole (its `*` field clock, field-clocks.ts)
  'sync_record_hlc',
];

/** A registry row of either list, read as one shape: its names. */
const EVERY_FIELD: ReadonlyArray<{ key: string; column: string; label: string; salesforceLead?: string; hubspotContact?: string }> = [...LEAD_FIELDS, ...LEAD_RECORD_FIELDS];

const ALL_GROUPS: readonly LeadFieldGroup[] = ['person', 'company', 'contact', 'web', 'address'];

describe('the lead field registry', () => {
  it('names each field, column and export column once', () => {
    for (const name of ['key', 'column', 'label', 'salesforceLead', 'hubspotContact'] as const) {
      const names = EVERY_FIELD.flatMap((field) => field[name] ?? []);
      expect(new Set(names).size, name).toBe(names.length);
    }
    const places = LEAD_FIELDS.flatMap((field) => (field.vcard ? [`${field.vcard.property}#${field.vcard.component ?? ''}`] : []));
    expect(new Set(places).size).toBe(places.length);
  });

  it('puts every field in a group the exports know, so each export writes it', () => {
    expect(leadFieldsInGroups(ALL_GROUPS).map((field) => field.key).sort()).toEqual([...LEAD_CONTACT_FIELDS].sort());
  });

  it('checks each field against its length in the contract', () => {
    for (const field of LEAD_FIELDS) {
      const fits = field.kind === 'email' ? `${'a'.repeat(field.maxLength - 12)}@example.com` : 'a'.repeat(field.maxLength);
      expect(leadContactSchema.shape[field.key].safeParse(fits).success, field.key).toBe(true);
      expect(leadContactSchema.shape[field.key].safeParse(`${fits}a`).success, field.key).toBe(false);
    }
  });
});

describe("a lead's own field in the contract", () => {
  it('is filled with its initial value when a new lead leaves it out', () => {
    const parsed = newLeadSchema.parse({}) as Record<string, unknown>;
    for (const field of LEAD_RECORD_FIELDS) if (field.atCapture) expect(parsed[field.key], field.key).toEqual(field.initial);
  });

  it('is checked by its kind, when captured and when edited', () => {
    for (const field of LEAD_RECORD_FIELDS) {
      const schemas = [...(field.atCapture ? [newLeadSchema.shape[field.key as keyof typeof newLeadSchema.shape]] : []), ...(field.editable ? [leadPatchSchema.shape[field.key as keyof typeof leadPatchSchema.shape]] : [])];
      expect(schemas.length, `${field.key}: captured or editable, else nothing can set it`).toBeGreaterThan(0);
      for (const schema of schemas) {
        if (field.kind === 'text' || field.kind === 'longText') {
          expect(schema.safeParse('a'.repeat(field.maxLength)).success, field.key).toBe(true);
          expect(schema.safeParse('a'.repeat(field.maxLength + 1)).success, field.key).toBe(false);
          expect(schema.safeParse('').success, field.key).toBe(field.required === undefined);
        } else if (field.kind === 'date') {
          expect(schema.safeParse('2027-03-31').success, field.key).toBe(true);
          expect(schema.safeParse('31.03.2027').success, field.key).toBe(false);
        } else {
          expect(schema.safeParse('Something else').success, field.key).toBe(false);
          expect(schema.safeParse(null).success, field.key).toBe(field.kind === 'rating');
          expect(field.choices?.every((choice) => choice.length <= field.maxLength), field.key).toBe(true);
        }
      }
    }
  });
});

describe('the leads table', () => {
  let store: TempStore;
  beforeEach(async () => {
    store = await openTempStore();
  });
  afterEach(async () => {
    await store.dispose();
  });

  it('has no column that is neither a registry field nor listed with its reason', () => {
    const columns = (store.database.sqlite.prepare('PRAGMA table_info(leads)').all() as Array<{ name: string }>).map((column) => column.name);
    const known = new Set([...LEAD_FIELD_COLUMNS, ...COLUMNS_OUTSIDE_THE_REGISTRY]);
    expect(
      columns.filter((column) => !known.has(column)),
      'a lead column the field registry (shared/domain/lead-fields.ts) does not name',
    ).toEqual([]);
    expect(COLUMNS_OUTSIDE_THE_REGISTRY.filter((column) => !columns.includes(column)), 'listed here but no longer a column').toEqual([]);
  });
});

describe('a registry field in the database', () => {
  let store: TempStore;
  beforeEach(async () => {
    store = await openTempStore();
  });
  afterEach(async () => {
    await store.dispose();
  });

  it("has a column in the migrated leads table (a lead's own field)", () => {
    const columns = (store.database.sqlite.prepare('PRAGMA table_info(leads)').all() as Array<{ name: string }>).map((column) => column.name);
    for (const field of LEAD_RECORD_FIELDS) expect(columns, `${field.key}: a migration adds the column ${field.column}`).toContain(field.column);
  });

  it('has a text column in the migrated leads table', () => {
    const columns = store.database.sqlite.prepare('PRAGMA table_info(leads)').all() as Array<{ name: string; type: string; notnull: number; dflt_value: string | null }>;
    for (const field of LEAD_FIELDS) {
      const column = columns.find((candidate) => candidate.name === field.column);
      expect(column, `${field.key}: a migration adds the column ${field.column}`).toMatchObject({ type: 'TEXT', notnull: 1, dflt_value: "''" });
    }
  });

  it('is written to its column and read back into its field', async () => {
    const lead = leadWithEveryField();
    await insertLead(store.context.db, lead);
    const row = store.database.sqlite.prepare('SELECT * FROM leads WHERE id = ?').get(lead.id) as Record<string, unknown>;
    for (const field of EVERY_FIELD) expect(row[field.column], field.key).toBe(lead[field.key as keyof Lead]);
    expect(await findLeadById(store.context.db, lead.id)).toEqual(lead);
  });
});

describe('a registry field on screen', () => {
  it('has its label and a place on the entry form', () => {
    for (const field of LEAD_FIELDS) {
      expect(FIELD_LABELS[field.key]).toBe(field.label);
      expect(FIELD_ORDER_FOR_FOCUS.filter((placed) => placed === field.key), `${field.key}: give it a place in renderer/src/capture/model/field-order.ts`).toHaveLength(1);
    }
  });

  it("is shown under its registry label when it is one of the lead's own fields on the entry form", () => {
    for (const field of LEAD_RECORD_FIELDS) if (field.key in FIELD_LABELS) expect(FIELD_LABELS[field.key as keyof typeof FIELD_LABELS]).toBe(field.label);
  });
});

describe('a registry field in the exports and imports', () => {
  const lead = leadWithEveryField();

  it('is written in the Salesforce Leads CSV column it names', () => {
    const [row] = parse(salesforceLeadsCsv([lead]).files[0] as string, { bom: true, columns: true }) as Record<string, string>[];
    for (const field of LEAD_FIELDS) if (field.salesforceLead) expect(row?.[field.salesforceLead], field.key).toBe(lead[field.key]);
    for (const field of LEAD_RECORD_FIELDS) {
      if (!field.salesforceLead) continue;
      // The status goes out as the org's picklist value (the Salesforce profile).
      const expected = field.key === 'status' ? DEFAULT_SALESFORCE_PROFILE.statusValues[lead.status] : lead[field.key];
      expect(row?.[field.salesforceLead], field.key).toBe(expected);
    }
  });

  it('is written in the HubSpot contacts CSV column it names', () => {
    const [row] = parse(hubspotContactsCsv([lead]).text, { bom: true, columns: true }) as Record<string, string>[];
    for (const field of EVERY_FIELD) if (field.hubspotContact) expect(row?.[field.hubspotContact], field.key).toBe(lead[field.key as keyof Lead]);
  });

  it('is written in the vCard property and component it names', () => {
    const lines = leadToVcard(lead).split('\r\n');
    for (const { key, vcard } of LEAD_FIELDS) {
      if (!vcard) continue;
      const line = lines.find((candidate) => candidate.startsWith(`${vcard.property}:`));
      expect(line, `${key}: ${vcard.property}`).toBeDefined();
      const components = (line as string).slice(vcard.property.length + 1).split(';');
      expect(components[vcard.component ?? 0], key).toBe(lead[key]);
    }
    for (const { key, vcardProperty } of LEAD_RECORD_FIELDS) {
      if (vcardProperty) expect(lines, key).toContain(`${vcardProperty}:${lead[key] as string}`);
    }
  });

  it('is the import target of its label and of its columns in our exports', () => {
    for (const field of [...LEAD_FIELDS, ...LEAD_RECORD_FIELDS.filter((recordField) => recordField.importable)]) {
      for (const header of [field.label, field.salesforceLead, field.hubspotContact]) if (header) expect(guessMapping([header])[header], header).toBe(field.key);
    }
  });
});
