import type { OcrBox } from '../../../../shared/parsing/ocr-types';
import type { LeadFormField } from '../model/lead-form-model';
import { NAME_FIELD, NAME_PART_FIELDS, type FieldOnScreen } from '../model/name-field';

/**
 * Where a field on screen was read on the card. For Name, one box around first and last name
 * (the parser keeps a box for each word; together they are the name as printed).
 */
export function reviewBox(field: FieldOnScreen, boxes: Partial<Record<LeadFormField, OcrBox>>): OcrBox | undefined {
  if (field !== NAME_FIELD) return boxes[field];
  const parts = NAME_PART_FIELDS.flatMap((part) => boxes[part] ?? []);
  if (parts.length === 0) return undefined;
  return {
    x0: Math.min(...parts.map((box) => box.x0)),
    y0: Math.min(...parts.map((box) => box.y0)),
    x1: Math.max(...parts.map((box) => box.x1)),
    y1: Math.max(...parts.map((box) => box.y1)),
  };
}
