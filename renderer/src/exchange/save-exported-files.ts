import type { ExportedFile } from '../../../shared/domain/exchange';
import { saveTextFile } from '../lead-detail/save-text-file';

/** Each file of an export as its own download (the three CSVs of converted records are three downloads). */
export function saveExportedFiles(files: readonly ExportedFile[]): void {
  for (const file of files) saveTextFile(file.name, file.content, file.mime);
}
