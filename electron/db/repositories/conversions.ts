import type { Kysely } from 'kysely';
import type { ConversionPlan } from '../../../shared/domain/conversion-plan';
import type { ConversionRule, ConversionSummary } from '../../../shared/domain/crm';
import type { OpportunityStage } from '../../../shared/domain/opportunity';
import { compiledInsert } from '../compiled-query';
import type { ConversionRow, Database } from '../schema';

const insertConversionRow = compiledInsert('conversions');

/** Records a conversion as planConversion decided it (its restore record kept as JSON, for undo). */
export async function insertConversion(db: Kysely<Database>, conversion: ConversionPlan['conversion']): Promise<void> {
  await insertConversionRow(db, {
    id: conversion.id,
    lead_id: conversion.leadId,
    account_id: conversion.accountId,
    account_created: conversion.accountCreated ? 1 : 0,
    contact_id: conversion.contactId,
    contact_created: conversion.contactCreated ? 1 : 0,
    opportunity_id: conversion.opportunityId,
    restore: JSON.stringify(conversion.restore),
    automatic: conversion.automatic ? 1 : 0,
    reviewed: conversion.reviewed ? 1 : 0,
    exported_at: null,
    converted_by: conversion.convertedBy,
    converted_at: conversion.convertedAt,
  });
}

export async function findConversionOfLead(db: Kysely<Database>, leadId: string): Promise<ConversionRow | undefined> {
  return db.selectFrom('conversions').selectAll().where('lead_id', '=', leadId).executeTakeFirst();
}

export async function deleteConversion(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('conversions').where('id', '=', id).execute();
}

export async function markConversionReviewed(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.updateTable('conversions').set({ reviewed: 1 }).where('id', '=', id).executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Marks the conversions whose records an export carried: they can no longer be undone. */
export async function markConversionsExported(db: Kysely<Database>, leadIds: readonly string[], at: string): Promise<void> {
  if (leadIds.length === 0) return;
  await db.updateTable('conversions').set({ exported_at: at }).where('lead_id', 'in', leadIds).where('exported_at', 'is', null).execute();
}

function selectSummaries(db: Kysely<Database>) {
  return db
    .selectFrom('conversions')
    .innerJoin('accounts', 'accounts.id', 'conversions.account_id')
    .innerJoin('contacts', 'contacts.id', 'conversions.contact_id')
    .leftJoin('opportunities', 'opportunities.id', 'conversions.opportunity_id')
    .selectAll('conversions')
    .select([
      'accounts.name as account_name',
      'contacts.first_name as contact_first_name',
      'contacts.last_name as contact_last_name',
      'contacts.email as contact_email',
      'opportunities.name as opportunity_name',
    ]);
}

type SummaryRow = ConversionRow & {
  account_name: string;
  contact_first_name: string;
  contact_last_name: string;
  contact_email: string;
  opportunity_name: string | null;
};

function summaryFromRow(row: SummaryRow): ConversionSummary {
  return {
    id: row.id,
    leadId: row.lead_id,
    accountId: row.account_id,
    accountName: row.account_name,
    accountCreated: row.account_created === 1,
    contactId: row.contact_id,
    contactName: `${row.contact_first_name} ${row.contact_last_name}`.trim() || row.contact_email,
    contactCreated: row.contact_created === 1,
    opportunityId: row.opportunity_id,
    opportunityName: row.opportunity_name,
    automatic: row.automatic === 1,
    reviewed: row.reviewed === 1,
    convertedBy: row.converted_by,
    convertedAt: row.converted_at,
    undoable: row.exported_at === null,
  };
}

export async function findConversionSummary(db: Kysely<Database>, leadId: string): Promise<ConversionSummary | undefined> {
  const row = await selectSummaries(db).where('conversions.lead_id', '=', leadId).executeTakeFirst();
  return row && summaryFromRow(row);
}

/** Automatic conversions a person has not checked yet, newest first. */
export async function listUnreviewedAutomatic(db: Kysely<Database>, limit: number): Promise<ConversionSummary[]> {
  const rows = await selectSummaries(db)
    .where('conversions.automatic', '=', 1)
    .where('conversions.reviewed', '=', 0)
    .orderBy('conversions.converted_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(summaryFromRow);
}

/**
 * A show's rule is removed by marking it (`removed`), not by deleting its row: the rule syncs
 * with the team hub field by field, and a removal and a rule set again on two laptops then meet
 * as two edits of one record (last writer wins), the same on every laptop. A deleted record's
 * tombstone is for good; letting a later whole record bring it back made the hub (which orders
 * a tombstone and a return by push) and the laptops (which merge by clock) disagree
 * (docs/team-hub.md). A show's checklist criteria are removed the same way (qualification.ts).
 */
export async function findConversionRule(db: Kysely<Database>, eventId: string): Promise<ConversionRule | undefined> {
  const row = await db.selectFrom('conversion_rules').selectAll().where('event_id', '=', eventId).where('removed', '=', 0).executeTakeFirst();
  return (
    row && {
      eventId: row.event_id,
      minMet: row.min_met,
      requireCloseDate: row.require_close_date === 1,
      stage: row.stage as OpportunityStage,
      closeInDays: row.close_in_days,
    }
  );
}

/** The shows that have an automatic conversion rule. */
export async function listShowsWithConversionRule(db: Kysely<Database>): Promise<string[]> {
  return (await db.selectFrom('conversion_rules').select('event_id').where('removed', '=', 0).execute()).map((row) => row.event_id);
}

export async function saveConversionRule(db: Kysely<Database>, rule: ConversionRule, at: string): Promise<void> {
  const values = { min_met: rule.minMet, require_close_date: rule.requireCloseDate ? 1 : 0, stage: rule.stage, close_in_days: rule.closeInDays, updated_at: at, removed: 0 };
  await db
    .insertInto('conversion_rules')
    .values({ event_id: rule.eventId, ...values })
    .onConflict((conflict) => conflict.column('event_id').doUpdateSet(values))
    .execute();
}

/** Marks a show's rule removed (see above); its values stay for the record's sync. */
export async function removeConversionRule(db: Kysely<Database>, eventId: string, at: string): Promise<void> {
  await db.updateTable('conversion_rules').set({ removed: 1, updated_at: at }).where('event_id', '=', eventId).where('removed', '=', 0).execute();
}
