/** A record's value in a LeadBooth bundle: JSON has no bytes, so images are base64 text. */
export type BundleValue = string | number | null;

/** One record of a bundle section: column → value, as the store keeps it. */
export type BundleRecord = Record<string, BundleValue>;

/**
 * What the bundle file itself knows of a section: its name in the JSON and the columns that
 * identify a record across laptops. Which table it comes from is the store's business
 * (electron/db/bundle-sections.ts).
 */
export interface BundleSectionLayout {
  /** the key in the JSON file */
  name: string;
  /** columns that identify a record across laptops */
  key: readonly string[];
}
