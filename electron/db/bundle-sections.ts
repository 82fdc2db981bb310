import type { BundleSectionLayout } from '../../shared/domain/bundle';
import type { Database } from './schema';

/** A section of the LeadBooth bundle as the store reads and writes it: the table behind it and how its records merge. */
export interface BundleSection extends BundleSectionLayout {
  table: keyof Database;
  /** a record with this key already here is replaced when this column is later in the bundle (else left alone) */
  newer?: string;
  /** a record with this key already here is merged field by field, as the team sync does (electron/sync/bundle-merge.ts) */
  byField?: true;
  /** columns written as base64 text */
  binary?: readonly string[];
  /** a WITHOUT ROWID table: records are read in key order instead of insertion order */
  withoutRowid?: boolean;
  /** records whose this column is 1 are left out of a bundle: marked removed, no longer shown anywhere */
  leftOutWhen?: string;
}

/**
 * The bundle's sections in the order an import writes them, parents before children, so
 * every foreign key finds its row. Records are the tables' rows (snake_case columns) without
 * the local integer `seq` keys, which differ from laptop to laptop.
 */
export const BUNDLE_SECTIONS: readonly BundleSection[] = [
  { name: 'shows', table: 'events', key: ['id'] },
  { name: 'criteria', table: 'qualification_criteria', key: ['event_id', 'key'], leftOutWhen: 'removed' },
  { name: 'accounts', table: 'accounts', key: ['id'], newer: 'updated_at' },
  { name: 'contacts', table: 'contacts', key: ['id'], newer: 'updated_at' },
  { name: 'opportunities', table: 'opportunities', key: ['id'], newer: 'updated_at' },
  { name: 'contactRoles', table: 'opportunity_contact_roles', key: ['opportunity_id', 'contact_id'], withoutRowid: true },
  { name: 'stageHistory', table: 'opportunity_stage_history', key: ['opportunity_id', 'stage', 'at'] },
  { name: 'leads', table: 'leads', key: ['id'], byField: true },
  { name: 'answers', table: 'lead_criteria', key: ['lead_id', 'criterion_key'], newer: 'answered_at', withoutRowid: true },
  { name: 'timeline', table: 'lead_timeline', key: ['id'] },
  { name: 'activities', table: 'activities', key: ['id'] },
  { name: 'conversions', table: 'conversions', key: ['id'] },
  { name: 'cardScans', table: 'card_scans', key: ['id'], binary: ['image'] },
];
