import { describe, expect, it } from 'vitest';
import { nameBlockingKey } from '../../../electron/db/name-key';

describe('nameBlockingKey', () => {
  it('folds the last name as the duplicate rule compares it and keeps the first initial', () => {
    expect(nameBlockingKey('Ána', 'Müller-Lüdenscheidt')).toBe('mullerludenscheidt|a');
    expect(nameBlockingKey('ana', 'van der Berg')).toBe(nameBlockingKey('Anabel', 'vanderberg'));
    expect(nameBlockingKey('', 'Okafor')).toBe('okafor|');
    expect(nameBlockingKey('Ana', '')).toBe('');
  });
});
