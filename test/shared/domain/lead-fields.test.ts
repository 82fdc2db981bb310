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
import { LEAD_CONTACT_FIELDS, leadContactSchema, type Lead } from '../../../shared/domain/lead';
import { LEAD_FIELDS, leadFieldsInGroups, type LeadFieldGroup } from '../../../shared/domain/lead-fields';
import { makeLead } from '../../support/lead-fixture';
import { openTempStore, type TempStore } from '../../support/temp-database';

/** A value of its own for every field, so a value written under the wrong column shows. */
function leadWithEveryField(): Lead {
  const fields = Object.fromEntries(LEAD_FIELDS.map((field, index) => [field.key, `V${index}${field.key}`.slice(0, field.maxLength)]));
  return makeLead(fields);
}

const ALL_GROUPS: readonly LeadFieldGroup[] = ['person', 'company', 'contact', 'web', 'address'];

describe('the lead field registry', () => {
  it('names each field, column and export column once', () => {
    for (const name of ['key', 'column', 'label', 'salesforceLead', 'hubspotContact'] as const) {
      const names = LEAD_FIELDS.flatMap((field) => field[name] ?? []);
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

describe('a registry field in the database', () => {
  let store: TempStore;
  beforeEach(async () => {
    store = await openTempStore();
  });
  afterEach(async () => {
    await store.dispose();
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
    for (const field of LEAD_FIELDS) expect(row[field.column], field.key).toBe(lead[field.key]);
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
});

describe('a registry field in the exports and imports', () => {
  const lead = leadWithEveryField();

  it('is written in the Salesforce Leads CSV column it names', () => {
    const [row] = parse(salesforceLeadsCsv([lead]).files[0] as string, { bom: true, columns: true }) as Record<string, string>[];
    for (const field of LEAD_FIELDS) if (field.salesforceLead) expect(row?.[field.salesforceLead], field.key).toBe(lead[field.key]);
  });

  it('is written in the HubSpot contacts CSV column it names', () => {
    const [row] = parse(hubspotContactsCsv([lead]).text, { bom: true, columns: true }) as Record<string, string>[];
    for (const field of LEAD_FIELDS) if (field.hubspotContact) expect(row?.[field.hubspotContact], field.key).toBe(lead[field.key]);
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
  });

  it('is the import target of its label and of its columns in our exports', () => {
    for (const field of LEAD_FIELDS) {
      for (const header of [field.label, field.salesforceLead, field.hubspotContact]) if (header) expect(guessMapping([header])[header], header).toBe(field.key);
    }
  });
});
