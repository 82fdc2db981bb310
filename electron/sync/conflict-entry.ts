import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { LEAD_FIELDS } from '../../shared/domain/lead-fields';
import type { TimelineDetails } from '../../shared/domain/timeline';
import { parseStamp } from '../../shared/sync/hybrid-clock';
import { appendTimeline } from '../db/repositories/timeline';
import type { Database } from '../db/schema';

/** One side of a conflict: the value and the stamp it carried. */
export interface ConflictSide {
  value: unknown;
  hlc: string;
}

export const SYNC_ACTOR = 'LeadBooth team sync';

/**
 * The timeline entry that keeps a lead field's losing value. Every laptop that sees the same
 * conflict makes the same entry (its id comes from the record, the field and the loser's stamp),
 * so the entry, synced like any other, is on every laptop once.
 */
function conflictEntryId(kind: string, recordId: string, field: string, loserStamp: string): string {
  const hex = createHash('sha256').update(`${kind}\n${recordId}\n${field}\n${loserStamp}`).digest('hex');
  // UUID-shaped (version 8: "custom"), as every other record id.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function shown(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/** The device part of a stamp made for a record a bundle brought without one (account-merge.ts): the laptop the bundle came from. */
export const BUNDLE_DEVICE = 'bundle';

/** "laptop 1a2b3c4d": the device part of a stamp, short (the hub's device ids are UUIDs). */
function deviceOf(stamp: string): string {
  const deviceId = parseStamp(stamp).deviceId;
  return deviceId === BUNDLE_DEVICE ? "the bundle's laptop" : `laptop ${deviceId.slice(0, 8)}`;
}

/**
 * The timeline entry of a conversion undone at sync because another laptop's conversion of the
 * lead reached the hub first (lost-conversion.ts). Its id comes from the two conversions, so a
 * laptop that makes it again (a batch applied twice) does not double it.
 */
export async function recordLostConversion(
  db: Kysely<Database>,
  leadId: string,
  lost: { conversionId: string; hlc: string },
  won: { conversionId: string; hlc: string },
): Promise<string> {
  const id = conflictEntryId('conversion', lost.conversionId, 'lead_id', won.conversionId);
  const existing = await db.selectFrom('lead_timeline').select('id').where('id', '=', id).executeTakeFirst();
  if (existing) return id;
  const details: TimelineDetails = {
    kind: 'conversion_lost',
    conversionId: lost.conversionId,
    lostDevice: deviceOf(lost.hlc),
    wonConversionId: won.conversionId,
    wonDevice: deviceOf(won.hlc),
  };
  await appendTimeline(db, { id, leadId, at: new Date(Math.max(parseStamp(won.hlc).ms, parseStamp(lost.hlc).ms)).toISOString(), actor: SYNC_ACTOR, details });
  return id;
}

/** One of two accounts merged at sync (account-merge.ts): its id, name and insert stamp. */
export interface MergedAccountSide {
  id: string;
  name: string;
  hlc: string;
}

/**
 * The timeline entry of a lead converted into one of two accounts merged at sync
 * (account-merge.ts). Its id comes from the two accounts and the lead, so every laptop that
 * merges them makes the same entry, once.
 */
/** Where two accounts were merged: at sync, or by a bundle import. */
export type AccountsMergedOccasion = 'sync' | 'bundle';

export async function recordAccountsMerged(db: Kysely<Database>, leadId: string, merged: MergedAccountSide, into: MergedAccountSide, occasion: AccountsMergedOccasion): Promise<string> {
  const id = conflictEntryId('account', merged.id, leadId, into.id);
  const existing = await db.selectFrom('lead_timeline').select('id').where('id', '=', id).executeTakeFirst();
  if (existing) return id;
  const details: TimelineDetails = {
    kind: 'accounts_merged',
    mergedAccountId: merged.id,
    mergedName: merged.name,
    mergedDevice: deviceOf(merged.hlc),
    intoAccountId: into.id,
    intoName: into.name,
    intoDevice: deviceOf(into.hlc),
    ...(occasion === 'bundle' ? { byBundle: true } : {}),
  };
  // The later account's time: the same on every laptop that makes the entry.
  await appendTimeline(db, { id, leadId, at: new Date(Math.max(parseStamp(merged.hlc).ms, parseStamp(into.hlc).ms)).toISOString(), actor: SYNC_ACTOR, details });
  return id;
}

/** Adds the entry to the lead's timeline unless a laptop made it already, in the caller's transaction; returns its id. */
export async function recordLeadConflict(db: Kysely<Database>, leadId: string, field: string, lost: ConflictSide, won: ConflictSide): Promise<string> {
  const id = conflictEntryId('lead', leadId, field, lost.hlc);
  const existing = await db.selectFrom('lead_timeline').select('id').where('id', '=', id).executeTakeFirst();
  if (existing) return id;
  const details: TimelineDetails = {
    kind: 'sync_conflict',
    field,
    label: LEAD_FIELDS.find((candidate) => candidate.column === field)?.label ?? field,
    lost: { value: shown(lost.value), device: deviceOf(lost.hlc) },
    won: { value: shown(won.value), device: deviceOf(won.hlc) },
  };
  // The winner's time: the same on every laptop that makes the entry.
  await appendTimeline(db, { id, leadId, at: new Date(Math.max(parseStamp(won.hlc).ms, parseStamp(lost.hlc).ms)).toISOString(), actor: SYNC_ACTOR, details });
  return id;
}
