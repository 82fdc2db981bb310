/**
 * The LeadBooth bundle: one JSON file another LeadBooth imports losslessly (merging the
 * leads of several booth laptops).
 *
 * `{ format: "leadbooth-bundle", version: 1, exportedAt, shows: [...], leads: [...], ... }`:
 * each section holds records as SQLite keeps them (the schema's snake_case column names),
 * without the local integer `seq` keys, which differ from laptop to laptop; ids are UUIDs
 * and stay what they are. Card photos are base64 text. Export batches are this laptop's own
 * history and are not carried.
 *
 * Which sections there are, in the order an import writes them, is the store's list
 * (electron/db/bundle-sections.ts), passed in: this file knows the format, not the tables.
 */
import type { BundleRecord, BundleSectionLayout } from '../../shared/domain/bundle';

export const BUNDLE_FORMAT = 'leadbooth-bundle';
export const BUNDLE_VERSION = 1;

export interface LeadBoothBundle {
  format: typeof BUNDLE_FORMAT;
  version: typeof BUNDLE_VERSION;
  exportedAt: string;
  /** section name → records */
  sections: Record<string, BundleRecord[]>;
}

export class BundleError extends Error {
  override name = 'BundleError';
}

/** The bundle as JSON text, sections at the top level next to format and version. */
export function writeBundle(bundle: LeadBoothBundle, sectionLayouts: readonly BundleSectionLayout[]): string {
  const top: Record<string, unknown> = { format: bundle.format, version: bundle.version, exportedAt: bundle.exportedAt };
  for (const section of sectionLayouts) top[section.name] = bundle.sections[section.name] ?? [];
  return JSON.stringify(top);
}

/** 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let index = 0; index < offset && index < text.length; index++) if (text.charCodeAt(index) === 10) line++;
  return line;
}

/**
 * Reads a bundle, checking its shape: any problem is a BundleError naming the line (broken
 * JSON) or the record ("leads[12]: …"), and nothing is returned half read.
 */
export function readBundle(text: string, sectionLayouts: readonly BundleSectionLayout[]): LeadBoothBundle {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    if (position) {
      throw new BundleError(`Line ${lineAt(text, Number(position[1]))}: the bundle is not valid JSON (${message}). Export it again from the other LeadBooth.`);
    }
    throw new BundleError(`Line ${lineAt(text, text.length)}: the bundle ends too early (${message}); the file is probably cut off. Copy it again.`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new BundleError('This file is not a LeadBooth bundle (no JSON object at the top).');
  const top = parsed as Record<string, unknown>;
  if (top.format !== BUNDLE_FORMAT) throw new BundleError(`This file is not a LeadBooth bundle ("format" is ${JSON.stringify(top.format)}, expected "${BUNDLE_FORMAT}").`);
  if (top.version !== BUNDLE_VERSION) {
    throw new BundleError(`This bundle has version ${JSON.stringify(top.version)}; this LeadBooth reads version ${BUNDLE_VERSION}. Update LeadBooth to import it.`);
  }
  const sections: Record<string, BundleRecord[]> = {};
  for (const section of sectionLayouts) {
    const records = top[section.name] ?? [];
    if (!Array.isArray(records)) throw new BundleError(`"${section.name}" must be a list of records.`);
    records.forEach((record: unknown, index) => {
      const where = `${section.name}[${index}]`;
      if (typeof record !== 'object' || record === null || Array.isArray(record)) throw new BundleError(`${where}: a record must be a JSON object.`);
      // for…in rather than Object.entries: no [column, value] pair made per cell of a 100 MB bundle.
      for (const column in record) {
        const value = (record as Record<string, unknown>)[column];
        if (value !== null && typeof value !== 'string' && typeof value !== 'number') {
          throw new BundleError(`${where}: "${column}" must be text, a number or null.`);
        }
      }
      for (const column of section.key) {
        const value = (record as Record<string, unknown>)[column];
        if (typeof value !== 'string' || value === '') throw new BundleError(`${where}: "${column}" is missing; every record of ${section.name} needs it.`);
      }
    });
    sections[section.name] = records as BundleRecord[];
  }
  return { format: BUNDLE_FORMAT, version: BUNDLE_VERSION, exportedAt: typeof top.exportedAt === 'string' ? top.exportedAt : '', sections };
}
