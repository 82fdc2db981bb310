/**
 * tesseract.js reads every language from ONE folder (`langPath`), but each language ships in
 * its own npm package (`@tesseract.js-data/<lang>`). So the languages' `.gz` files are COPIED
 * (not symlinked: symlinks need extra rights on Windows) into one folder; a copy is skipped
 * when the target already has the same size. Never the network: a missing file throws.
 */
import { createRequire } from 'node:module';
import fs from 'node:fs/promises';
import path from 'node:path';
import { unpackedPath } from './tesseract-paths';

const require = createRequire(import.meta.url);

/** `<package>/4.0.0_best_int/<lang>.traineddata.gz`, resolved like tesseract-paths.ts resolves eng. */
function languageFile(lang: string): string {
  if (!/^[a-z_]{3,12}$/.test(lang)) throw new Error(`not a tesseract language code: ${JSON.stringify(lang)}`);
  const dir = path.dirname(require.resolve(`@tesseract.js-data/${lang}/package.json`));
  return path.join(unpackedPath(dir), '4.0.0_best_int', `${lang}.traineddata.gz`);
}

/**
 * Gather the languages' `.gz` files in `folder` (copy when missing or of another size).
 * Returns the folder; throws a clear error when a language package is not installed.
 */
export async function gatherLanguageFiles(languages: readonly string[], folder: string): Promise<string> {
  await fs.mkdir(folder, { recursive: true });
  await Promise.all(
    languages.map(async (lang) => {
      let src: string;
      try {
        src = languageFile(lang);
        await fs.access(src);
      } catch {
        throw new Error(`OCR language data for "${lang}" is missing (reinstall LeadBooth)`);
      }
      const dst = path.join(folder, path.basename(src));
      const [a, b] = await Promise.all([fs.stat(src), fs.stat(dst).catch(() => null)]);
      if (b && b.size === a.size) return;
      // copy to a temporary name first: an interrupted copy must not look complete next time
      const tmp = `${dst}.${process.pid}.tmp`;
      await fs.copyFile(src, tmp);
      await fs.rename(tmp, dst);
    }),
  );
  return folder;
}
