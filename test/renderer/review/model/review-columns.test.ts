import { describe, expect, it } from 'vitest';
import {
  DEFAULT_COLUMN_LAYOUT,
  MAX_COLUMN_WIDTH,
  MIN_COLUMN_WIDTH,
  gridColumns,
  parseColumnLayout,
  widthForShownWidth,
  withColumnShown,
} from '../../../../renderer/src/review/model/review-columns';

describe('review table columns', () => {
  it('shows and hides columns in table order, and never hides Name', () => {
    const withoutEmail = withColumnShown(DEFAULT_COLUMN_LAYOUT, 'email', false);
    expect(withoutEmail.visible).not.toContain('email');
    expect(withColumnShown(withoutEmail, 'email', true).visible).toEqual(DEFAULT_COLUMN_LAYOUT.visible);
    expect(withColumnShown(DEFAULT_COLUMN_LAYOUT, 'name', false).visible).toContain('name');
  });

  it('reads a stored layout only as far as it checks out', () => {
    expect(parseColumnLayout(null)).toEqual(DEFAULT_COLUMN_LAYOUT);
    expect(parseColumnLayout('{not json')).toEqual(DEFAULT_COLUMN_LAYOUT);
    expect(parseColumnLayout('42')).toEqual(DEFAULT_COLUMN_LAYOUT);
    const read = parseColumnLayout(JSON.stringify({ visible: ['email', 'phone', 'company'], widths: { company: 5, email: 99999, name: 'wide' } }));
    expect(read.visible).toEqual(['name', 'company', 'email']);
    expect(read.widths.company).toBe(MIN_COLUMN_WIDTH);
    expect(read.widths.email).toBe(MAX_COLUMN_WIDTH);
    expect(read.widths.name).toBe(DEFAULT_COLUMN_LAYOUT.widths.name);
  });

  it('turns a width wanted on screen into the share that gives it, the other columns unchanged', () => {
    // Two columns of 100 and 300 in a 400 px table: making the first 200 px wide needs 300 : 300.
    const width = widthForShownWidth(200, 300, 400);
    expect(width).toBe(300);
    expect((width / (width + 300)) * 400).toBe(200);
    expect(widthForShownWidth(10, 300, 400)).toBe(MIN_COLUMN_WIDTH);
  });

  it('lays the columns out as shares after the selection box', () => {
    const layout = { visible: ['name', 'status'] as const, widths: { ...DEFAULT_COLUMN_LAYOUT.widths, name: 200, status: 100 } };
    expect(gridColumns(layout)).toBe(`2.25rem minmax(${MIN_COLUMN_WIDTH}px, 200fr) minmax(${MIN_COLUMN_WIDTH}px, 100fr)`);
  });
});
