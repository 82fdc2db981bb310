/**
 * What the OCR put in front of a company line: logo initials ("QL Quorvane…" or "Q L …"),
 * a mark read as a letter. Decided from shapes only — short tokens whose letters are the initials
 * of the words after them, a lone capital that is not the next word's initial — never from names.
 */
import { fold } from './vocabulary';

/** Words a logo usually leaves out of its initials ("The Acme Group" → "AG"). */
const UNINITIALED = new Set(['the', '&', '+', 'and', 'of', 'und', 'et', 'y', 'e', 'de', 'der', 'la', 'le', 'les', 'di', 'van', 'von']);

/** A letter as the OCR reads it in a logo: I comes back as l, 1 or |, O as 0. */
function letterKey(s: string): string {
  return fold(s).replace(/[l1|]/g, 'i').replace(/0/g, 'o');
}

function initialOf(word: string): string {
  return letterKey(word.replace(/^[^\p{L}\p{N}]+/u, '')).charAt(0);
}

/** Initials of the words: all of them, and without articles and connectors. */
function initials(words: string[]): string[] {
  const all = words.map(initialOf).join('');
  const significant = words.filter((w) => !UNINITIALED.has(fold(w))).map(initialOf).join('');
  return [all, significant];
}

/** 1–2 short tokens in front ("SM", "H L", "Al" for "AI") spelling the initials of the rest. */
function initialsPrefix(toks: string[]): number {
  for (let k = Math.min(2, toks.length - 2); k >= 1; k--) {
    const head = toks.slice(0, k);
    if (!head.every((w) => /^[\p{L}0|]{1,3}$/u.test(w) && /^[\p{Lu}0|]/u.test(w))) continue;
    const key = head.map(letterKey).join('');
    if (key.length < 1 || key.length > 4) continue;
    const rest = toks.slice(k);
    if (initials(rest).some((i) => i.length >= key.length && i.startsWith(key))) return k;
  }
  return 0;
}

/** The company line without logo initials, an icon letter or ©/® marks the OCR put around it. */
export function stripLogoPrefix(text: string): string {
  const t = text.trim().replace(/^[©®™]\s*/, '').replace(/\s*[©®™]$/, '');
  const toks = t.split(/\s+/);
  if (toks.length < 3) return t;
  const k = initialsPrefix(toks);
  if (k > 0) return toks.slice(k).join(' ');
  // a lone capital from an icon ("Q Northwind Labs"), unless it is the next word's initial
  const first = toks[0] ?? '';
  if (/^\p{Lu}$/u.test(first) && initialOf(toks[1] ?? '') !== letterKey(first)) return toks.slice(1).join(' ');
  return t;
}
