/** Which lines the line refinement reads again (pure: invented OCR pages, no engine). */
import { describe, expect, it } from 'vitest';
import { selectLines, type LineSelection } from '../../../../electron/ocr/passes/lines-to-reread';
import { ocrLine as line, ocrPage as page } from '../../../support/ocr-lines';

const settings: LineSelection = { maxConfidence: 0.75, smallMaxConfidence: 0.85, smallPx: 24, maxLines: 6 };

describe('selectLines', () => {
  it('leaves confident lines alone and takes unsure or small ones, worst first', () => {
    const p = page([
      line('Ottilie Brandvold', 0.95, 80, 60, 44),
      line('Head of Logistics', 0.93, 80, 120, 22),
      line('o.brandvold@tindra-x.example', 0.42, 80, 300, 20),
      line('+47 555 01 234', 0.8, 80, 340, 20),
      line('Storgata 12', 0.9, 80, 400, 30),
    ]);
    const picked = selectLines(p, settings).map((c) => c.indices);
    expect(picked).toEqual([[2], [3]]);
  });
  it('skips specks and single marks, and caps the number of lines', () => {
    const p = page([
      line('A@|', 0.1, 80, 200, 7),
      line('@', 0.2, 80, 250, 60),
      ...Array.from({ length: 9 }, (_, i) => line(`line number ${i}`, 0.3 + i * 0.01, 80, 300 + 40 * i, 22)),
    ]);
    const picked = selectLines(p, { ...settings, maxLines: 4 });
    expect(picked).toHaveLength(4);
    expect(picked.map((c) => c.indices[0])).toEqual([2, 3, 4, 5]);
  });
  it('takes the whole row: the fragments beside a line and the card width', () => {
    const p = page([line('e jo.nakamura@ful', 0.5, 80, 300, 22), line('Pq', 0.3, 600, 303, 8), line('rcade.example', 0.6, 700, 301, 21)]);
    const [c] = selectLines(p, settings);
    expect(c?.indices.sort()).toEqual([0, 2]);
    expect(c?.box.x0).toBe(0);
    expect(c?.box.x1).toBe(1150);
  });
  it('considers only the lines it is given', () => {
    const p = page([line('q.aldous@brimv', 0.4, 50, 100, 20), line('+1 555 0100', 0.5, 50, 200, 20)]);
    expect(selectLines(p, settings, [1]).map((c) => c.indices)).toEqual([[1]]);
  });
  it('reads a box holding two printed lines as a block', () => {
    const merged = line('Pauline Okafor', 0.6, 80, 100, 22);
    merged.words[1]!.box = { ...merged.words[1]!.box, y0: 130, y1: 152 };
    merged.box.y1 = 152;
    expect(selectLines(page([merged]), settings)[0]).toMatchObject({ indices: [0], merged: true });
    expect(selectLines(page([line('Pauline Okafor', 0.6, 80, 100, 22)]), settings)[0]).toMatchObject({ indices: [0], merged: false });
  });
});
