import { useRef } from 'react';
import { readFileAsBase64 } from '../capture/model/read-file-base64';
import { useFileDrop } from '../capture/scan/use-file-drop';
import { useAppStore } from '../store/app-store';

/** What the import reads, for the file picker and the drop zone's words. */
const IMPORT_FILE_TYPES = '.json,.csv,.txt,.vcf,.vcard';

/** Step 1 of an import: a file dropped on the zone or chosen with its button (the native control stays hidden behind it). */
export function ImportFileDrop() {
  const busy = useAppStore((state) => state.exchangeBusy);
  const pickImportFile = useAppStore((state) => state.pickImportFile);
  const input = useRef<HTMLInputElement>(null);
  const onFile = async (file: File | undefined) => {
    if (!file || busy) return;
    await pickImportFile({ fileName: file.name, base64: await readFileAsBase64(file) });
  };
  const drop = useFileDrop((files) => void onFile(files[0]));

  return (
    <div className={`import-drop${drop.dragging ? ' is-dragging' : ''}`} {...drop.handlers}>
      <p className="import-drop-title">{drop.dragging ? 'Drop the file to read it' : 'Drop a file here'}</p>
      <p className="import-drop-hint">A CSV of leads (Excel, Google Contacts, Outlook, a show’s badge list), a .vcf address book, or a LeadBooth bundle (.json) from another laptop.</p>
      <button type="button" className="button-primary" disabled={busy} onClick={() => input.current?.click()}>
        Choose a file…
      </button>
      <input
        ref={input}
        className="visually-hidden"
        type="file"
        accept={IMPORT_FILE_TYPES}
        aria-label="File to import"
        tabIndex={-1}
        disabled={busy}
        onChange={(event) => {
          void onFile(event.target.files?.[0]);
          // The same file chosen again (after fixing it) must fire a change again.
          event.target.value = '';
        }}
      />
    </div>
  );
}
