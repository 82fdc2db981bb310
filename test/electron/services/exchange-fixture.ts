import { logActivity } from '../../../electron/services/activities-service';
import { convertLead } from '../../../electron/services/conversion-service';
import { createEvent } from '../../../electron/services/events-service';
import { createLead } from '../../../electron/services/leads-service';
import { answerCriterion } from '../../../electron/services/qualification-service';
import { setStaffName } from '../../../electron/services/settings-service';
import type { TempStore } from '../../support/temp-database';

/**
 * A store with something in every table a bundle carries: two shows, leads with awkward
 * values, answers, activities, a conversion with an opportunity, and a card photo.
 */
export async function fillStore(store: TempStore): Promise<{ eventId: string; leadIds: string[]; convertedLeadId: string }> {
  await setStaffName(store.context, 'Jo Booth');
  const other = await createEvent(store.context, { name: 'MWC 2026' });
  const event = await createEvent(store.context, { name: 'Web Summit 2026' });
  const ids: string[] = [];
  const add = async (fields: Parameters<typeof createLead>[1]) => {
    const id = (await createLead(store.context, fields)).lead.id;
    ids.push(id);
    return id;
  };
  const ana = await add({ firstName: 'Ana', lastName: 'Müller', company: 'Acme GmbH', email: 'ana@acme.example', phone: '+49 30 1234567', notes: '=HYPERLINK("http://x")\nsecond line, "quoted"' });
  await add({ firstName: 'Chidi', lastName: 'Okafor', company: 'Northwind', title: 'CTO', city: 'Lagos', rating: 'Hot' });
  await add({ firstName: 'Émile', lastName: '', company: '', email: 'emile@example.fr' });
  await add({ firstName: 'Bo', lastName: 'Roe', company: 'Zeta 😀 Labs', eventId: other.id, website: 'zeta.example' });
  await answerCriterion(store.context, { leadId: ana, key: 'need', state: 'met', note: 'Replacing scanners' });
  await logActivity(store.context, { leadId: ana, type: 'call', outcome: 'Interested', text: 'Wants a demo' });
  await convertLead(store.context, {
    leadId: ana,
    account: { mode: 'new' },
    contact: { mode: 'new' },
    opportunity: { name: 'Acme – Web Summit', stage: 'Prospecting', closeDate: '2027-03-31', amount: 50_000 },
  });
  store.database.sqlite
    .prepare(
      "INSERT INTO card_scans (id, lead_id, file_name, image, image_mime, image_width, image_height, ocr_text, ocr_json, scanned_by, scanned_at) VALUES ('0b9c5a52-7f5d-4a47-9b8e-2f1f3c1d0a11', ?, 'card.jpg', x'FFD8FFE000104A464946', 'image/jpeg', 10, 10, 'Ana Müller', '{}', 'Jo Booth', '2026-11-27T09:00:00.000Z')",
    )
    .run(ids[1]);
  return { eventId: event.id, leadIds: ids, convertedLeadId: ana };
}

/** Every row of every table a bundle carries (without local seq numbers), to compare two databases. */
export function dumpTables(store: TempStore): Record<string, unknown[]> {
  const tables = [
    'events', 'qualification_criteria', 'accounts', 'contacts', 'opportunities', 'opportunity_contact_roles', 'opportunity_stage_history',
    'leads', 'lead_criteria', 'lead_timeline', 'activities', 'conversions', 'card_scans',
  ];
  const dump: Record<string, unknown[]> = {};
  for (const table of tables) {
    const order = table === 'lead_criteria' || table === 'opportunity_contact_roles' ? '1, 2' : 'rowid';
    const rows = store.database.sqlite.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all() as Array<Record<string, unknown>>;
    dump[table] = rows.map(({ seq: _seq, ...rest }) => rest);
  }
  return dump;
}
