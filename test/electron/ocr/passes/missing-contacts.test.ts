import { describe, expect, it } from 'vitest';
import { linesHidingContacts } from '../../../../electron/ocr/passes/missing-contacts';
import { emptyParsedCard, type ParsedCard } from '../../../../shared/parsing/card-fields';
import { page } from '../../../shared/parsing/helpers';

const card = (fields: Partial<Record<keyof ParsedCard, [string, number, { x0: number; y0: number; x1: number; y1: number }]>>): ParsedCard => {
  const out = emptyParsedCard();
  for (const [field, [value, confidence, box]] of Object.entries(fields)) out[field as keyof ParsedCard] = { value, confidence, box };
  return out;
};

describe('lines that may hide a missing or doubtful contact', () => {
  const lines = page([
    ['Ada Quill', 60, 40, 40],
    ['michael berg@mendel example com', 60, 300, 18, 0.55],
    ['Small parts, big results', 60, 340, 18, 0.6],
    ['+44 161 496 0411', 60, 380, 18, 0.95],
    ['ok', 60, 420, 18, 0.3],
  ]);
  const nameBox = { x0: 60, y0: 40, x1: 240, y1: 80 };
  const phoneBox = { x0: 60, y0: 380, x1: 200, y1: 398 };

  it('no e-mail read: the doubtful line with a trace of an address, not the slogan, not a sure line, not a speck', () => {
    expect(linesHidingContacts(lines, card({ fullName: ['Ada Quill', 0.9, nameBox], phone: ['+44 161 496 0411', 0.9, phoneBox] }))).toEqual([1]);
  });
  it('a card with every contact read surely: nothing to re-read', () => {
    const full = card({
      fullName: ['Ada Quill', 0.9, nameBox], phone: ['+44 161 496 0411', 0.9, phoneBox],
      email: ['ada@quill.example', 0.9, { x0: 60, y0: 460, x1: 200, y1: 478 }], website: ['quill.example', 0.9, { x0: 60, y0: 500, x1: 200, y1: 518 }],
    });
    expect(linesHidingContacts(lines, full)).toEqual([]);
  });
  it('a contact read with little confidence: its own line is re-read even though a field uses it', () => {
    const doubtful = card({
      fullName: ['Ada Quill', 0.9, nameBox], phone: ['+44 161 496 0411', 0.9, phoneBox],
      email: ['berg@mendel.example.com', 0.5, { x0: 120, y0: 300, x1: 300, y1: 318 }], website: ['quill.example', 0.9, { x0: 60, y0: 500, x1: 200, y1: 518 }],
    });
    expect(linesHidingContacts(lines, doubtful)).toEqual([1]);
  });
});
