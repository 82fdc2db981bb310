import { describe, expect, it } from 'vitest';
import { findPhones, labelKind } from '../../../shared/parsing/phone';

describe('findPhones', () => {
  it('splits two numbers on one line and keeps a slash inside one number', () => {
    const two = findPhones('+49 30 2557353-6 / +49 172 75053658', ['DE']);
    expect(two.map((h) => h.value)).toEqual(['+49 30 2557353-6', '+49 172 75053658']);
    expect(two[1]?.mobileLike).toBe(true);
    const one = findPhones('Tel. 040 / 123456 7', ['DE']);
    expect(one.map((h) => h.value)).toEqual(['040 / 123456 7']);
    expect(one[0]?.kind).toBe('phone');
  });
  it('splits a run too long for one number into the two printed side by side', () => {
    // an icon between two columns read as "(0)": the first number stands alone, the misread rest is no number
    expect(findPhones('0 ™ 902-5550122 (0) 34) 3350100', ['CA', 'US', 'GB']).map((h) => h.value)).toEqual(['902-5550122']);
    expect(findPhones('902-555-0122 (0) 343-555-0100', ['CA', 'US']).map((h) => h.value)).toEqual(['902-555-0122', '(0) 343-555-0100']);
  });
  it('repairs O/l read for 0/1 inside numbers', () => {
    const h = findPhones('T: +1 (3l2) 555-O1O9', ['US']);
    expect(h[0]?.e164).toBe('+13125550109');
  });
  it('reads labels in several languages', () => {
    expect(labelKind('Port.').kind).toBe('mobile');
    expect(labelKind('Handy:').kind).toBe('mobile');
    expect(labelKind('F |').kind).toBe('fax');
    expect(labelKind('Tél.').kind).toBe('phone');
    expect(labelKind('Direct line').kind).toBe('direct');
    expect(labelKind('E-mail').other).toBe(true);
  });
  it('keeps an extension with the number, its label read "ent." written as "ext."', () => {
    expect(findPhones('T +31 20 703 9685 ext. 555', ['NL'])[0]?.value).toBe('+31 20 703 9685 ext. 555');
    expect(findPhones('T +31 20 703 9685 ent. 555', ['NL'])[0]?.value).toBe('+31 20 703 9685 ext. 555');
    expect(findPhones('Tel +33 4 77 00 46 15 Ent 21', ['FR'])[0]?.value).toBe('+33 4 77 00 46 15 ext. 21');
  });
  it('ignores years and short numbers', () => {
    expect(findPhones('Trusted by 2,000+ teams since 1998', ['US'])).toEqual([]);
  });
  it('drops a label or icon glued to the number as a digit when the rest is valid', () => {
    // "o 0221…" read as "00221…": as 00-international it is no number, without the 0 a valid one
    const h = findPhones('00221 4567890', ['DE']);
    expect(h[0]?.value).toBe('0221 4567890');
    expect(h[0]?.e164).toBe('+492214567890');
  });
  it('reads DID as a direct line', () => {
    expect(labelKind('DID').kind).toBe('direct');
  });
});
