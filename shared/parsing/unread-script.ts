/**
 * Cards printed in a script the OCR's languages do not cover (Chinese, Japanese, Korean, Cyrillic):
 * the English model reads their names, titles, companies and addresses as Latin-letter garbage
 * ("AMmutpun Cokonos" for Дмитрий Соколов, "LBEFANRERAR" for a Chinese company), while the e-mail,
 * website and numbers — printed in Latin letters and digits on such cards too — read well.
 *
 * Recognised by two signals, never by the words of particular cards:
 *   - letters of another script in what was read (an engine that does output them);
 *   - the garbage profile: most letters of the lines that hold no contact detail sit in words the
 *     OCR was unsure of (confidence < 0.5) or that are shaped unlike any Latin-script word (a
 *     lower-case letter followed by a capital after the second letter, "CeBepHbi"; letters and digits
 *     mixed, "e0Fav"), while a contact line on the same card read clearly (so the photo itself is
 *     fine: a blurred photo reads badly everywhere and is the Check marks' business, not this).
 *
 * What to do then (markUnreadScript): the fields read from those lines are emptied and marked
 * "not read" (garbage is never shown as a reading), the contact fields kept but marked "unsure",
 * and the scan result carries UNREAD_SCRIPT_NOTICE.
 */
import { CARD_FIELDS, type CardField, type ParsedCard } from './card-fields';
import type { OcrPage } from './ocr-types';

export const UNREAD_SCRIPT_NOTICE = 'This card looks like it is printed in a script LeadBooth cannot read yet — type the fields in.';

/** Scripts whose letters say at once that the card is not in a Latin script. */
const OTHER_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Thai}\p{Script=Devanagari}]/u;
const OTHER_SCRIPT_ALL = new RegExp(OTHER_SCRIPT.source, 'gu');

/** A line that holds an e-mail, a web address or a telephone number (Latin letters and digits on any card). */
export function isContactLine(text: string): boolean {
  if (/@|www\.|https?:\/\/|\.(com|net|org)\b/i.test(text)) return true;
  const runs = text.match(/\+?\d[\d\s().\-/]{5,}\d/g) ?? [];
  return runs.some((r) => r.replace(/\D/g, '').length >= 7);
}

/** A word shaped unlike a word of a Latin-script language (the English model reading another script). */
function misshapen(word: string): boolean {
  const letters = word.replace(/[^\p{L}\p{N}]/gu, '');
  if (letters.length < 2) return false;
  // "CeBepHbi", "MpeKTop": a capital after a lower-case letter, past the first two letters (McKay, DeLuca, O'Neil stay)
  if (/\p{Ll}\p{Lu}/u.test(letters.slice(2))) return true;
  // "e0Fav", "11H": letters and digits mixed (a house number "12a" or "B12" keeps its shape)
  return /\p{L}\d+\p{L}|\d\p{L}{2,}|\p{L}{2,}\d/u.test(letters) && !/^\d+\p{L}$|^\p{L}\d+$/u.test(letters);
}

export interface ScriptVerdict {
  /** Letters of another script were read, or the garbage profile says so. */
  unreadable: boolean;
  /** Share of the letters on text (non-contact) lines in unsure or misshapen words. */
  garbledShare: number;
  otherScriptLetters: number;
  /** Best confidence of a contact line (0 when the card has none). */
  contactConfidence: number;
}

/** Above this share of garbled letters on the text lines, with a clear contact line, the script is not read. */
const GARBLED_SHARE = 0.5;
/** A contact line read at least this surely shows the photo itself is readable. */
const CLEAR_CONTACT = 0.8;
/**
 * Too few letters say nothing: a card with a logo, one name line and contact lines (a dev photo with 17
 * letters, 9 of them a logo's scraps, read 0.53 garbled). Cards in another script give 28–65 here.
 */
const MIN_LETTERS = 20;

export function judgeScript(page: OcrPage): ScriptVerdict {
  const otherScriptLetters = (page.text.match(OTHER_SCRIPT_ALL) ?? []).length;
  let letters = 0;
  let garbled = 0;
  let contactConfidence = 0;
  for (const line of page.lines) {
    if (isContactLine(line.text)) {
      contactConfidence = Math.max(contactConfidence, line.confidence);
      continue;
    }
    for (const w of line.words) {
      const n = w.text.replace(/[^\p{L}]/gu, '').length;
      letters += n;
      if (w.confidence < 0.5 || misshapen(w.text)) garbled += n;
    }
  }
  const garbledShare = letters ? garbled / letters : 0;
  const unreadable = otherScriptLetters >= 3 || (letters >= MIN_LETTERS && garbledShare >= GARBLED_SHARE && contactConfidence >= CLEAR_CONTACT);
  return { unreadable, garbledShare, otherScriptLetters, contactConfidence };
}

const CONTACT_FIELDS: ReadonlySet<CardField> = new Set(['email', 'website', 'phone', 'mobile', 'fax']);
/** Fields every card prints: left empty here, they are marked "not read" so the person types them. */
const EXPECTED_FIELDS: ReadonlySet<CardField> = new Set(['firstName', 'lastName', 'fullName', 'company']);

/**
 * The reading of a card in a script the OCR cannot read: contact fields kept and marked "unsure",
 * every other field emptied (it was read from garbage) and marked "not read" where the card prints it.
 */
export function markUnreadScript(card: ParsedCard): ParsedCard {
  const out = { ...card };
  for (const field of CARD_FIELDS) {
    const f = card[field];
    if (CONTACT_FIELDS.has(field)) {
      out[field] = { ...f, check: f.value ? 'unsure' : (f.check ?? null) };
    } else {
      const expected = EXPECTED_FIELDS.has(field) || Boolean(f.value);
      out[field] = { value: '', confidence: 0, box: null, check: expected ? 'not-read' : null };
    }
  }
  return out;
}
