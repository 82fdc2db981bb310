import { describe, expect, it } from 'vitest';
import { pushRequestSchema, recordChangeSchema } from '../../../shared/sync/protocol';

const change = {
  changeId: '7d3f1a52-3c1e-4f6a-9a51-0f3b7c2d9e10',
  kind: 'lead',
  recordId: 'lead-1',
  hlc: '1780000000000-0001-7d3f1a52-3c1e-4f6a-9a51-0f3b7c2d9e10',
  fields: { first_name: 'Ada', score: 3, consent: true, notes: null },
  tombstone: false,
};

describe('recordChangeSchema fields', () => {
  it('takes text, numbers, true/false and null under lower-case names', () => {
    expect(recordChangeSchema.parse(change).fields).toEqual(change.fields);
  });

  it('names the field whose name or value does not fit', () => {
    const badName = pushRequestSchema.safeParse({ changes: [{ ...change, fields: { FirstName: 'Ada' } }] });
    expect(badName.success).toBe(false);
    expect(badName.error?.issues[0]?.path).toEqual(['changes', 0, 'fields', 'FirstName']);
    for (const value of [{ nested: 1 }, [1], 'x'.repeat(1_000_001), Number.NaN, undefined]) {
      const result = recordChangeSchema.safeParse({ ...change, fields: { notes: value } });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.path).toEqual(['fields', 'notes']);
    }
  });

  it('refuses fields that are not an object of column: value', () => {
    for (const fields of [null, [], 'first_name', 3]) expect(recordChangeSchema.safeParse({ ...change, fields }).success).toBe(false);
  });
});
