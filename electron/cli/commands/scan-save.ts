/**
 * `leadbooth scan FILE... --save`: each card read becomes a lead in the current show, with its
 * photo and OCR text kept as evidence (captureMethod card_scan): the scan stored through the
 * CLI's file jobs, the lead created through the contract as the window creates it. Kept apart
 * from scan.ts, which only reads.
 */
import type { ScanResult } from '../../ocr/scanner';
import { leadFieldsFromCard } from '../../../shared/parsing/card-to-lead';
import type { CliSession } from '../open-client';

export interface ScanSaver {
  /** Saves one card's reading; returns the line to print ({file, lead, missingForExport} or {file, error}). */
  save(file: string, result: ScanResult): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function openScanSaver(openSession: () => Promise<CliSession>): Promise<ScanSaver> {
  const session = await openSession();
  return {
    async save(file, result) {
      try {
        const stored = await session.files.storeScannedCard(result, baseName(file));
        const saved = await session.client['leads.create']({ ...leadFieldsFromCard(result.fields), captureMethod: 'card_scan', cardScanId: stored.scanId });
        return { file, lead: saved.lead, missingForExport: saved.missingForExport };
      } catch (error) {
        return { file, error: error instanceof Error ? error.message : String(error) };
      }
    },
    close: () => session.close(),
  };
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
