import type { CheckMark } from './check-marks';
import type { OcrBox } from './ocr-types';

/** The fields the card scanner reads, in the order they are shown and exported. */
export const CARD_FIELDS = [
  'firstName',
  'lastName',
  'fullName',
  'title',
  'company',
  'email',
  'phone',
  'mobile',
  'fax',
  'website',
  'street',
  'city',
  'region',
  'postalCode',
  'country',
] as const;

export type CardField = (typeof CARD_FIELDS)[number];

export interface ParsedField {
  /** As printed (natural case, phone numbers as printed without their label); "" when absent. */
  value: string;
  /** 0..1: how sure the parser is; 0 when absent. */
  confidence: number;
  /** Where on the OCR'd image the value was read; null when absent. */
  box: OcrBox | null;
  /** For phone, mobile and fax: the E.164 form when the number could be parsed. */
  e164?: string;
  /**
   * The scanner's "Check" mark (check-marks.ts): 'unsure' for a value to compare with the card,
   * 'not-read' for an expected field left empty, null when nothing doubts it. Absent on readings
   * made before the rule existed (stored scans) and on bare parser output.
   */
  check?: CheckMark | null;
}

export type ParsedCard = Record<CardField, ParsedField>;

export function emptyParsedCard(): ParsedCard {
  const card = {} as ParsedCard;
  for (const field of CARD_FIELDS) card[field] = { value: '', confidence: 0, box: null };
  return card;
}
