import { describe, expect, it } from 'vitest';
import { oldServerRefusal } from '../../../electron/hub/hub-database';

describe('the PostgreSQL version a hub accepts', () => {
  it('refuses 15 and older with one line, accepts 16 and newer', () => {
    expect(oldServerRefusal('150004', '15.4 (Debian 15.4-2)')).toBe('This PostgreSQL is version 15.4 (Debian 15.4-2); the team hub needs PostgreSQL 16 or newer.');
    expect(oldServerRefusal('90624', '9.6.24')).toMatch(/needs PostgreSQL 16 or newer/);
    expect(oldServerRefusal('160000', '16.0')).toBeUndefined();
    expect(oldServerRefusal('180004', '18.4')).toBeUndefined();
  });
});
