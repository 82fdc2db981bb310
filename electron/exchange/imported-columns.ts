import type { Lead } from '../../shared/domain/lead';

/** One extra column of a CSV export: a header an import kept on the leads as an imported field. */
export interface ImportedColumn {
  /** The column's header in the export. */
  header: string;
  /** The key in Lead.importedFields. */
  key: string;
}

/**
 * The imported fields of these leads as extra columns, for a CRM import that maps them to its
 * own fields (a Salesforce custom field, a new HubSpot property): one column per header an
 * import kept, in the order first met, so nothing an import kept stays behind at export.
 * A header that is also one of the export's own columns is written as "HEADER (imported)",
 * so no column appears twice.
 */
export function importedColumnsOf(leads: readonly Lead[], ownColumns: readonly string[]): ImportedColumn[] {
  const taken = new Set(ownColumns.map((column) => column.toLowerCase()));
  const keys = new Set<string>();
  for (const lead of leads) for (const key of Object.keys(lead.importedFields)) keys.add(key);
  return [...keys].map((key) => ({ key, header: taken.has(key.toLowerCase()) ? `${key} (imported)` : key }));
}

/** The lead's values for those columns ('' where it has none). */
export function importedValuesOf(lead: Lead, columns: readonly ImportedColumn[]): string[] {
  return columns.map((column) => lead.importedFields[column.key] ?? '');
}
