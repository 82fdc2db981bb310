import { useAppStore } from '../store/app-store';

/**
 * What the file a lead was imported from held that no field took (unknown columns, further
 * emails, a value too long for its field), by the file's own names: shown as it came, read-only.
 */
export function ImportedFieldsPanel() {
  const importedFields = useAppStore((state) => state.leadDetail?.lead.importedFields);
  const entries = Object.entries(importedFields ?? {});
  if (entries.length === 0) return null;
  return (
    <section className="form-section imported-fields" aria-labelledby="imported-fields-title">
      <h2 id="imported-fields-title">Imported fields</h2>
      <dl>
        {entries.map(([name, value]) => (
          <div key={name} className="imported-field">
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
