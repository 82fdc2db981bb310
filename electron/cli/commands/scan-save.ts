/**
 * `leadbooth scan FILE... --save`: each card read becomes a lead in the current show, with its
 * photo and OCR text kept as evidence (captureMethod card_scan), through the same services as
 * the window. Kept apart from scan.ts, which only reads.
 */
import type { ScanResult } from '../../ocr/scanner';
import { openAppServices } from '../../app-services';
import { scanCardBytes } from '../../services/card-scan-service';
import { createLead } from '../../services/leads-service';
import { leadFieldsFromCard } from '../../../shared/parsing/card-to-lead';
import { AppError } from '../../../shared/ipc/errors';

export interface ScanSaver {
  /** Saves one card's reading; returns the line to print ({file, lead, missingForExport} or {file, error}). */
  save(file: string, result: ScanResult): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function openScanSaver(dbPath: string): Promise<ScanSaver> {
  const services = await openAppServices({ dbPath, mode: 'browser', withScanner: false });
  return {
    async save(file, result) {
      try {
        // The card was read already: the scan is stored as the window stores it, then the lead with it.
        const stored = await scanCardBytes(services.context, { scan: async () => result }, result.image.bytes, baseName(file));
        const saved = await createLead(services.context, { ...leadFieldsFromCard(result.fields), captureMethod: 'card_scan', cardScanId: stored.scanId });
        return { file, lead: saved.lead, missingForExport: saved.missingForExport };
      } catch (error) {
        return { file, error: error instanceof AppError || error instanceof Error ? error.message : String(error) };
      }
    },
    close: () => services.close(),
  };
}

function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
