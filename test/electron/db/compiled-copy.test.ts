import { describe, expect, it } from 'vitest';
import { compiledCopy } from '../../../electron/db/compiled-copy';

describe('compiledCopy', () => {
  it('makes one object: the named properties in the given order, then every property of the extra', () => {
    const copy = compiledCopy<{ firstName: string; postalCode: string }, { first_name: string; postal_code: string }>([
      ['postal_code', 'postalCode'],
      ['first_name', 'firstName'],
    ]);
    const row = copy({ firstName: 'Lena', postalCode: '10115' }, { lead_source: 'Trade Show', rating: null });
    expect(Object.entries(row)).toEqual([
      ['postal_code', '10115'],
      ['first_name', 'Lena'],
      ['lead_source', 'Trade Show'],
      ['rating', null],
    ]);
    // Written once: later calls with other values use the same code.
    expect(copy({ firstName: 'Jo', postalCode: '' }, { lead_source: 'Web', rating: 'Hot' })).toEqual({ postal_code: '', first_name: 'Jo', lead_source: 'Web', rating: 'Hot' });
  });

  it("with missing: 'empty', copies a property the source does not have as '' (a row's fields leave empty cells out)", () => {
    const copy = compiledCopy<{ firstName?: string; company?: string }, { firstName: string; company: string }>(
      [
        ['firstName', 'firstName'],
        ['company', 'company'],
      ],
      { missing: 'empty' },
    );
    expect(copy({ company: 'Acme' }, {})).toEqual({ firstName: '', company: 'Acme' });
    // Without it, a missing property stays undefined.
    expect(compiledCopy<{ firstName?: string }, { firstName?: string }>([['firstName', 'firstName']])({}, {}).firstName).toBeUndefined();
  });

  it('refuses anything but property names, so no text other than a name reaches the code', () => {
    const injected = compiledCopy<object, object>([['a', 'b }; globalThis.pwned = 1; ({']]);
    expect(() => injected({}, {})).toThrow(/is not a property name/);
    const viaExtra = compiledCopy<object, object>([]);
    expect(() => viaExtra({}, { 'x: 1, y': 2 })).toThrow(/is not a property name/);
    expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  });
});
