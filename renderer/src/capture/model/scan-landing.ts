import type { CardScanResult } from '../../../../shared/ipc/contract';
import type { CheckMark } from '../../../../shared/parsing/check-marks';
import type { OcrBox } from '../../../../shared/parsing/ocr-types';
import { cardValues, fieldsNotRead, fillPlan, type FillPlan } from './card-to-form';
import { FIELD_ORDER_FOR_FOCUS } from './field-order';
import { isLeadFormField, type LeadForm, type LeadFormField } from './lead-form-model';

/**
 * A field the scan wants the person to look at: an unsure reading or a field the card prints that
 * the scan did not read ("check"), or a typed value the card reads differently.
 */
type ScanMark = { kind: 'check'; reason: CheckMark } | { kind: 'differs'; cardValue: string };

export type ScanMarks = Partial<Record<LeadFormField, ScanMark>>;

/** A picked photo. The Blob stays in memory only: components make (and revoke) its object URL. */
export interface CardPhoto {
  file: Blob;
  name: string;
}

export interface ScanSummary {
  filled: number;
  toCheck: number;
  differs: number;
}

/** What a card's reading does to the form and its marks, planned against the form as it is now. */
export interface ScanLanding {
  fill: Partial<LeadForm>;
  scanMarks: ScanMarks;
  /** Values the scan wrote (a later scan may replace them while the person leaves them alone). */
  scanFilled: Partial<Record<LeadFormField, string>>;
  scanBoxes: Partial<Record<LeadFormField, OcrBox>>;
  /** Where the focus goes: the field the person should look at first. */
  focusField: LeadFormField;
  summary: ScanSummary;
}

export function planScanLanding(
  form: LeadForm,
  result: Pick<CardScanResult, 'fields'>,
  previouslyFilled: Partial<Record<LeadFormField, string>>,
): ScanLanding {
  const plan = fillPlan(form, cardValues(result.fields), previouslyFilled, fieldsNotRead(result.fields));
  const scanMarks: ScanMarks = {};
  for (const field of plan.toCheck) scanMarks[field] = { kind: 'check', reason: 'unsure' };
  for (const field of plan.notRead) scanMarks[field] = { kind: 'check', reason: 'not-read' };
  for (const [field, cardValue] of Object.entries(plan.differs) as [LeadFormField, string][]) {
    scanMarks[field] = { kind: 'differs', cardValue };
  }
  const scanFilled = Object.fromEntries(Object.entries(plan.fill).filter(([, value]) => value !== ''));
  return {
    fill: plan.fill,
    scanMarks,
    scanFilled,
    scanBoxes: boxesOf(result),
    focusField: fieldToReview(plan.toCheck, Object.keys(plan.differs) as LeadFormField[], Object.keys(scanFilled) as LeadFormField[]),
    summary: { filled: Object.keys(scanFilled).length, toCheck: plan.toCheck.length + plan.notRead.length, differs: Object.keys(plan.differs).length },
  };
}

/**
 * The marks after a badge filled fields: what the card scan could not read and the badge filled
 * has nothing left to ask; a typed value the badge reads differently is offered like a card's.
 */
export function marksAfterBadge(marks: ScanMarks, plan: FillPlan): ScanMarks {
  const next: ScanMarks = { ...marks };
  for (const field of Object.keys(plan.fill) as LeadFormField[]) {
    const mark = next[field];
    if (mark?.kind === 'check' && mark.reason === 'not-read') delete next[field];
  }
  for (const [field, cardValue] of Object.entries(plan.differs) as [LeadFormField, string][]) {
    next[field] = { kind: 'differs', cardValue };
  }
  return next;
}

/** Where each form field was read, for the outline beside the form. */
export function boxesOf(result: Pick<CardScanResult, 'fields'>): Partial<Record<LeadFormField, OcrBox>> {
  const boxes: Partial<Record<LeadFormField, OcrBox>> = {};
  for (const [field, parsed] of Object.entries(result.fields)) {
    if (parsed.box && parsed.value && isLeadFormField(field)) boxes[field] = parsed.box;
  }
  return boxes;
}

export function withoutField<Value>(record: Partial<Record<LeadFormField, Value>>, field: LeadFormField): Partial<Record<LeadFormField, Value>> {
  const { [field]: _dropped, ...rest } = record;
  return rest;
}

/**
 * Where the person looks first after a scan, in the form's order: the first field marked
 * "Check" or read differently from what was typed, else the first field the card filled,
 * else Name (nothing was read: the person types).
 */
function fieldToReview(toCheck: readonly LeadFormField[], differs: readonly LeadFormField[], filled: readonly LeadFormField[]): LeadFormField {
  const doubtful = new Set([...toCheck, ...differs]);
  return (
    FIELD_ORDER_FOR_FOCUS.find((field) => doubtful.has(field)) ?? FIELD_ORDER_FOR_FOCUS.find((field) => filled.includes(field)) ?? 'firstName'
  );
}
