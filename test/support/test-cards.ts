/**
 * The card photos the test suite scans, made by the project's own card renderer
 * (test/support/cards), so a clone with nothing beside it runs every scanner test.
 *
 * Thirty invented cards (seed 77), clean renders and photos, written once per machine into a
 * cache folder named by a hash of the renderer's sources (a change to the renderer makes new
 * files; two test processes racing write to private folders and rename). Each `card-NNN.jpg` has a
 * `card-NNN.json` beside it in the dev set's format (`fields`, `lines`, `meta`, `degradations`).
 *
 * The order is chosen once: the first six are cards the scanner reads exactly (email, names and
 * company), photos among them, because the booth tests check those fields; the rest include cards
 * it misreads, which the queue tests only count. Which card is which is decided by the generator's
 * index list below, never by what a scan returned at test time.
 *
 * Larger card sets (the dev cards beside the repo, other corpora) are optional: see
 * `extraCardSet()`.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCard, type Fields, type GeneratedCard } from './cards/generate-cards';
import { renderCard } from './cards/render-card';

// import.meta, not __dirname: the Playwright specs load this file as an ES module
const HERE = path.dirname(fileURLToPath(import.meta.url));
const SEED = 77;
const PHOTO_SHARE = 0.5;
/**
 * Generator indexes in test-card order. 1–6: read exactly (4 clean centred, 3 clean centred with
 * accents, 5 a photo with glare and perspective, 6 clean, 7 light ink on dark paper photographed in
 * perspective, 8 a dark, blurred, downscaled photo); 7–24 mostly read exactly; 25–30 misread in part.
 */
const GENERATOR_INDEXES = [4, 3, 5, 6, 7, 8, 1, 11, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 2, 9, 12, 13, 14, 15];

/** Named test cards, for tests that need a card of one kind. */
export const TEST_CARD = {
  clean: 1,
  photoWithGlare: 3,
  lightOnDarkPhoto: 5,
  darkBlurredPhoto: 6,
} as const;

export interface TestCard {
  /** 1-based position in the set; the file is card-NNN.jpg */
  number: number;
  file: string;
  fields: Fields;
  card: GeneratedCard;
}

const cardName = (number: number): string => `card-${String(number).padStart(3, '0')}`;

function rendererHash(): string {
  const hash = createHash('sha256');
  for (const file of ['cards/generate-cards.ts', 'cards/render-card.ts', 'test-cards.ts']) {
    hash.update(fs.readFileSync(path.join(HERE, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

let made: Promise<{ dir: string; cards: TestCard[] }> | undefined;

/** The folder of test cards, rendered on first use in this process (and once per machine). */
export function testCardSet(): Promise<{ dir: string; cards: TestCard[] }> {
  made ??= makeTestCards();
  return made;
}

/** The test cards as a list (1-based numbers). */
async function testCards(): Promise<TestCard[]> {
  return (await testCardSet()).cards;
}

/** One test card by its number. */
export async function testCard(number: number): Promise<TestCard> {
  const card = (await testCards())[number - 1];
  if (!card) throw new Error(`There is no test card ${number} (the set has ${GENERATOR_INDEXES.length}).`);
  return card;
}

async function makeTestCards(): Promise<{ dir: string; cards: TestCard[] }> {
  const dir = path.join(os.tmpdir(), 'leadbooth-test-cards', rendererHash());
  const generated = GENERATOR_INDEXES.map((index) => generateCard(SEED, index, { photoShare: PHOTO_SHARE }));
  const cards = generated.map((card, position): TestCard => ({
    number: position + 1,
    file: path.join(dir, `${cardName(position + 1)}.jpg`),
    fields: card.fields,
    card,
  }));
  if (fs.existsSync(path.join(dir, 'complete'))) return { dir, cards };

  // Render into a private folder, then rename it into place: a second process doing the same at
  // the same moment loses the rename and uses the winner's files (they are identical).
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  const staging = fs.mkdtempSync(`${dir}.partial-`);
  for (const [position, card] of generated.entries()) {
    const name = cardName(position + 1);
    fs.writeFileSync(path.join(staging, `${name}.jpg`), await renderCard(card));
    fs.writeFileSync(path.join(staging, `${name}.json`), JSON.stringify(card, null, 2));
  }
  fs.writeFileSync(path.join(staging, 'complete'), '');
  try {
    fs.renameSync(staging, dir);
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    if (!fs.existsSync(path.join(dir, 'complete'))) throw error;
  }
  return { dir, cards };
}

/** The environment variable that names an optional extra card folder (card-NNN.jpg + .json). */
const EXTRA_CARDS_VARIABLE = 'LEADBOOTH_CARDS_DIR';

/**
 * An optional extra card set (the dev cards beside the repo, or any folder of the same shape),
 * named by LEADBOOTH_CARDS_DIR. Tests that need it skip with the reason this returns; under CI the
 * reason is also printed, so a skip is never silent there.
 */
export function extraCardSet(): { dir: string; skipReason?: undefined } | { dir?: undefined; skipReason: string } {
  const dir = process.env[EXTRA_CARDS_VARIABLE];
  let skipReason: string | undefined;
  if (!dir) skipReason = `${EXTRA_CARDS_VARIABLE} is not set (an optional folder of card-NNN.jpg + .json, e.g. ../shared/cards/dev)`;
  else if (!fs.existsSync(dir)) skipReason = `${EXTRA_CARDS_VARIABLE}=${dir} does not exist`;
  if (!skipReason) return { dir: dir! };
  if (process.env.CI) process.stderr.write(`SKIPPED (extra cards): ${skipReason}\n`);
  return { skipReason };
}
