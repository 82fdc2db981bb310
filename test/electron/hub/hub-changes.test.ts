import { describe, expect, it } from 'vitest';
import { pullPageJson } from '../../../electron/hub/hub-changes';
import { pullResponseSchema } from '../../../shared/sync/protocol';

describe('a pull answered from the stored JSON text', () => {
  it('is the page pullResponseSchema reads, fields as stored, odd characters included', () => {
    // As PostgreSQL writes a jsonb out: spaces after the separators, keys in its own order.
    const fieldsJson = '{"notes": "said \\"hi\\"\\nthen left ✓", "score": 3, "email": null, "hot": true}';
    const page = {
      changes: [
        { changeId: '00000000-0000-4000-8000-000000000001', kind: 'lead', recordId: 'lead "1"', hlc: '1780000000000-0000-laptop-a', fieldsJson, tombstone: false },
        { changeId: '00000000-0000-4000-8000-000000000002', kind: 'lead', recordId: 'lead-2', hlc: '1780000000000-0001-laptop-a', fieldsJson: '{}', tombstone: true },
      ],
      cursor: '42',
      more: true,
    };
    const parsed = pullResponseSchema.parse(JSON.parse(pullPageJson(page)));
    expect(parsed).toEqual({
      changes: [
        { changeId: page.changes[0]?.changeId, kind: 'lead', recordId: 'lead "1"', hlc: '1780000000000-0000-laptop-a', fields: { notes: 'said "hi"\nthen left ✓', score: 3, email: null, hot: true }, tombstone: false },
        { changeId: page.changes[1]?.changeId, kind: 'lead', recordId: 'lead-2', hlc: '1780000000000-0001-laptop-a', fields: {}, tombstone: true },
      ],
      cursor: '42',
      more: true,
    });
  });

  it('is an empty page when nothing follows the cursor', () => {
    expect(pullResponseSchema.parse(JSON.parse(pullPageJson({ changes: [], cursor: '0', more: false })))).toEqual({ changes: [], cursor: '0', more: false });
  });
});
