/**
 * How honest the scanner's "Check" marks are, against ground truth normalised as
 * ../shared/cards/score.mjs does: of the fields filled WITHOUT a mark, the share that is right
 * (per field class), the share of wrong fields that carry a mark, the share of right fields that
 * carry one (marking everything must not pass), and for name and company: how many that the card
 * prints and the scanner left empty are marked "not read".
 */
import { CARD_FIELDS, type CardField, type ParsedCard } from '../../shared/parsing/card-fields';
import { normField } from '../support/cards/score-cards';
import { printFigure as fig } from './stats';

export interface MarkedReading {
  file: string;
  /** ground truth, "" where not printed */
  truth: Record<string, string>;
  /** the reading, each field's `check` set */
  card: ParsedCard;
}

interface Tally {
  unmarked: number;
  unmarkedRight: number;
  wrong: number;
  wrongMarked: number;
  right: number;
  rightMarked: number;
}

const CONTACT: readonly CardField[] = ['email', 'phone', 'mobile', 'fax', 'website'];
const NAME: readonly CardField[] = ['firstName', 'lastName', 'fullName'];

function emptyTally(): Tally {
  return { unmarked: 0, unmarkedRight: 0, wrong: 0, wrongMarked: 0, right: 0, rightMarked: 0 };
}

export interface CheckMarkScore {
  byGroup: Record<'contact' | 'all' | CardField, Tally>;
  /** name (any of first/last/full) or company printed, read empty: marked / all */
  missingExpected: { marked: number; total: number };
  /** name or company not printed, read empty, yet marked "not read" */
  falseNotRead: { marked: number; total: number };
  /** filled fields that are wrong and unmarked, for the calibration's eyes */
  unmarkedWrong: { file: string; field: CardField; got: string; want: string }[];
}

export function scoreCheckMarks(readings: readonly MarkedReading[]): CheckMarkScore {
  const byGroup = { contact: emptyTally(), all: emptyTally() } as CheckMarkScore['byGroup'];
  for (const f of CARD_FIELDS) byGroup[f] = emptyTally();
  const missingExpected = { marked: 0, total: 0 };
  const falseNotRead = { marked: 0, total: 0 };
  const unmarkedWrong: CheckMarkScore['unmarkedWrong'] = [];
  for (const r of readings) {
    for (const field of CARD_FIELDS) {
      const got = normField(field, r.card[field].value);
      const want = normField(field, r.truth[field] ?? '');
      const marked = Boolean(r.card[field].check);
      if (!got) continue;
      const right = got === want;
      for (const t of [byGroup[field], byGroup.all, ...(CONTACT.includes(field) ? [byGroup.contact] : [])]) {
        if (right) t.right++;
        else t.wrong++;
        if (marked && right) t.rightMarked++;
        if (marked && !right) t.wrongMarked++;
        if (!marked) {
          t.unmarked++;
          if (right) t.unmarkedRight++;
        }
      }
      if (!right && !marked) unmarkedWrong.push({ file: r.file, field, got: r.card[field].value, want: r.truth[field] ?? '' });
    }
    // an expected field left empty: the person (any name field) and the company
    const groups: [CardField[], CardField[]][] = [
      [[...NAME], ['firstName', 'lastName']],
      [['company'], ['company']],
    ];
    for (const [fields, markedOn] of groups) {
      if (fields.some((f) => r.card[f].value.trim())) continue;
      const printed = fields.some((f) => normField(f, r.truth[f] ?? ''));
      const marked = markedOn.some((f) => r.card[f].check === 'not-read');
      const tally = printed ? missingExpected : falseNotRead;
      tally.total++;
      if (marked) tally.marked++;
    }
  }
  return { byGroup, missingExpected, falseNotRead, unmarkedWrong };
}

const share = (a: number, b: number): number => (b ? a / b : 1);

/** The figures as `name value unit` lines. */
export function printCheckMarkScore(prefix: string, score: CheckMarkScore): void {
  for (const group of ['contact', 'all', ...CARD_FIELDS] as const) {
    const t = score.byGroup[group];
    if (t.right + t.wrong === 0) continue;
    fig(`${prefix}.${group}.unmarked_precision`, share(t.unmarkedRight, t.unmarked), 'ratio', 3);
    if (group === 'contact' || group === 'all') {
      fig(`${prefix}.${group}.wrong_marked_share`, share(t.wrongMarked, t.wrong), 'ratio', 3);
      fig(`${prefix}.${group}.right_marked_share`, t.right ? t.rightMarked / t.right : 0, 'ratio', 3);
      fig(`${prefix}.${group}.filled_fields`, t.right + t.wrong, 'fields', 0);
    }
  }
  fig(`${prefix}.missing_name_or_company_marked`, share(score.missingExpected.marked, score.missingExpected.total), 'ratio', 3);
  fig(`${prefix}.missing_name_or_company`, score.missingExpected.total, 'fields', 0);
  fig(`${prefix}.not_printed_marked_not_read`, score.falseNotRead.marked, 'fields', 0);
  fig(`${prefix}.not_printed_empty`, score.falseNotRead.total, 'fields', 0);
}
