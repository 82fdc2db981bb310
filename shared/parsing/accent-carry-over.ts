/**
 * The accents pass and the re-reading of contact lines run side by side on a first reading
 * (electron/ocr/scanner.ts): what the accents pass restored is carried over to the final
 * reading here, field by field.
 */
import type { ParsedCard } from './card-fields';

/**
 * A field the re-read left as it was takes its accented version; a field the re-read changed
 * keeps the new reading (the accents were restored on text that is no longer there).
 */
export function carryOverAccents(accentedFirst: ParsedCard, first: ParsedCard, final: ParsedCard): ParsedCard {
  const out = { ...final };
  for (const field of Object.keys(final) as Array<keyof ParsedCard>) {
    if (final[field].value === first[field].value) out[field] = accentedFirst[field];
  }
  return out;
}
