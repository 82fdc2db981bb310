/**
 * A second look where the card lost a way to reach the person: when the parser found no e-mail,
 * website or phone number, the doubtful lines no field explains that still hold a trace of one are
 * the likely place it was printed and misread; and a contact the parser read with little
 * confidence gets its own line re-read (small contact lines on photos: "michael berg@mendel example com",
 * "Emad egagronkesso examyie ca"). Only those lines are re-read (line-refinement.ts), so a card
 * read well pays nothing; `leadbooth scan --thorough` still re-reads every doubtful line.
 *
 * Measured (one English worker): the 60 dev cards 28 re-read (~90 ms each), micro-F1 0.925 →
 * 0.928, cards fully right 33 → 35, e-mail 0.914 → 0.925, mobile 0.905 → 0.952; 150 invented cards
 * 76 re-read, e-mail 0.76 → 0.81, website 0.78 → 0.84, phone 0.856 → 0.864. A field threshold of
 * 0.6 re-read fewer cards but lost half the e-mail gain; 0.75 and three lines gained nothing more.
 * Another 150 invented cards (seed 21) gained nothing from it (e-mail 0.783 → 0.788): the gain
 * depends on how many contact lines a photo left readable at all. It costs ~7 % of the median
 * card's time (ratio to native tesseract 1.41 → 1.51).
 */
import type { ParsedCard } from '../../../shared/parsing/card-fields';
import type { OcrBox, OcrPage } from '../../../shared/parsing/ocr-types';
import { letterAndDigitCount } from '../../../shared/parsing/text';

/** A line read at least this surely is taken as read right, whatever it says. */
const SURE_LINE_CONFIDENCE = 0.9;

/** Fewer letters and digits than this is a speck, an icon or a lone initial. */
const MIN_CHARACTERS = 6;

const overlaps = (a: OcrBox, b: OcrBox): boolean => Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0) && Math.min(a.y1, b.y1) > Math.max(a.y0, b.y0);

/**
 * Indices of the page's lines worth re-reading: doubtful lines long enough to hold an address
 * that either carry a trace of a missing contact and no other field, or hold a contact the parser
 * read with little confidence. Empty when the card has its e-mail, website and phone, all sure.
 */
export function linesHidingContacts(page: OcrPage, card: ParsedCard): number[] {
  const lookFor: RegExp[] = [];
  if (!card.email.value || !card.website.value) lookFor.push(ADDRESS_TRACE);
  if (!card.phone.value) lookFor.push(NUMBER_TRACE);
  // a contact read but doubtful ("fhianchi@bexley.example" at 0.6): its own line is worth a second look too
  const doubtfulBoxes = CONTACT_FIELDS.flatMap((field) => (card[field].value && card[field].box && card[field].confidence < DOUBTFUL_FIELD_CONFIDENCE ? [card[field].box!] : []));
  if (!lookFor.length && !doubtfulBoxes.length) return [];
  const fieldBoxes = Object.values(card).flatMap((field) => (field.value && field.box ? [field.box] : []));
  return page.lines.flatMap((line, index) => {
    if (line.confidence >= SURE_LINE_CONFIDENCE) return [];
    if (letterAndDigitCount(line.text) < MIN_CHARACTERS) return [];
    if (doubtfulBoxes.some((box) => overlaps(box, line.box))) return [index];
    if (!lookFor.some((trace) => trace.test(line.text))) return [];
    return fieldBoxes.some((box) => overlaps(box, line.box)) ? [] : [index];
  });
}

/** The contact fields a card should not lose, or keep misread. */
const CONTACT_FIELDS = ['email', 'website', 'phone', 'mobile'] as const;

/** A contact field the parser holds below this confidence is re-read. */
const DOUBTFUL_FIELD_CONFIDENCE = 0.7;

/**
 * What is left of an e-mail or web address after a bad reading: an @ (or the ® © the OCR reads
 * for it), www, http, a common top-level name standing alone ("mendel example com": `example` is
 * RFC 2606's reserved name, which the parser reads as a domain too), or a domain ending ("mendel.co").
 */
export const ADDRESS_TRACE = /[@®©]|\bw{2,3}\b|\bhttps?\b|\b(?:com|org|net|info|example)\b|[a-z]{3,}\.[a-z]{2,3}\b/i;

/** What is left of a telephone number: a run of five digits, spaces and dots allowed between. */
export const NUMBER_TRACE = /\d(?:[\s.\-/()]*\d){4,}/;
