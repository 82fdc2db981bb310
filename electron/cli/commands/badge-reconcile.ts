/**
 * `leadbooth badge --reconcile FILE [--json]`: the organiser's attendee list (CSV) fills the
 * empty fields of the leads saved with a badge id (electron/services/badge-reconcile-service.ts).
 */
import path from 'node:path';
import type { CliIo } from '../cli-io';
import type { BadgeReconcileReport } from '../file-jobs';
import type { CliSession } from '../open-client';
import { describeSize, readRegularFile, type InputFileKind } from '../regular-file';

/** An attendee list is a CSV like any import: the same limit. */
const MAX_ATTENDEE_LIST_BYTES = 200 * 1024 * 1024;

const ATTENDEE_LIST_FILE = {
  noun: "a CSV of the organiser's attendees",
  advice: 'give the path of the attendee or lead-retrieval export',
  maxBytes: MAX_ATTENDEE_LIST_BYTES,
  overLimitAdvice: `split it into files under ${describeSize(MAX_ATTENDEE_LIST_BYTES)}, each with its header line`,
} satisfies InputFileKind;

export async function runBadgeReconcile(openSession: () => Promise<CliSession>, file: string, json: boolean, io: CliIo): Promise<void> {
  const bytes = readRegularFile(file, ATTENDEE_LIST_FILE);
  const session = await openSession();
  try {
    await reconcileAndReport(session, file, bytes, json, io);
  } finally {
    await session.close();
  }
}

/** `leadbooth import FILE... --reconcile-badges`: the same, for each file, in a session already open. */
export async function runImportReconcile(session: CliSession, files: readonly string[], json: boolean, io: CliIo): Promise<void> {
  // Every file is checked before any is read into the store: a wrong path fails before anything changed.
  const contents = files.map((file) => ({ file, bytes: readRegularFile(file, ATTENDEE_LIST_FILE) }));
  for (const { file, bytes } of contents) await reconcileAndReport(session, file, bytes, json, io);
}

async function reconcileAndReport(session: CliSession, file: string, bytes: Buffer, json: boolean, io: CliIo): Promise<void> {
  const report = await session.files.reconcileBadges({ fileName: path.basename(file), bytes });
  io.stdout(json ? JSON.stringify(report) : describeReport(report));
}

function describeReport(report: BadgeReconcileReport): string {
  const fields = report.filled.reduce((sum, lead) => sum + lead.fields.length, 0);
  const lines = [
    `${report.matchedIds.length} of ${report.matchedIds.length + report.unmatchedIds.length} badge ids matched a lead; ` +
      `${report.filled.length} lead${report.filled.length === 1 ? '' : 's'} filled (${fields} field${fields === 1 ? '' : 's'}); what staff typed or scanned was kept.`,
  ];
  if (report.unmatchedIds.length > 0) lines.push(`Not scanned at the booth: ${report.unmatchedIds.slice(0, 20).join(', ')}${report.unmatchedIds.length > 20 ? ` and ${report.unmatchedIds.length - 20} more` : ''}.`);
  if (report.rowsWithoutId > 0) lines.push(`${report.rowsWithoutId} row${report.rowsWithoutId === 1 ? ' without a badge id was' : 's without a badge id were'} skipped.`);
  if (report.skippedConverted.length > 0) lines.push(`${report.skippedConverted.length} converted lead(s) matched and were left as they are.`);
  return lines.join('\n');
}
