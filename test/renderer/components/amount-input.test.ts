import { describe, expect, it } from 'vitest';
import { parseAmountInput } from '../../../renderer/src/components/amount-input';

describe('parseAmountInput', () => {
  it('reads amounts as people type them in any common notation', () => {
    expect(parseAmountInput('50000')).toBe(50000);
    expect(parseAmountInput(' 50,000 ')).toBe(50000);
    expect(parseAmountInput('50 000')).toBe(50000);
    expect(parseAmountInput('12,500.50')).toBe(12500.5);
    expect(parseAmountInput('12.500,50')).toBe(12500.5);
    expect(parseAmountInput('12,5')).toBe(12.5);
    expect(parseAmountInput("1'250'000")).toBe(1250000);
  });

  it('gives null for an empty field and undefined for what is not a number', () => {
    expect(parseAmountInput('  ')).toBeNull();
    expect(parseAmountInput('fifty')).toBeUndefined();
    expect(parseAmountInput('€50')).toBeUndefined();
    expect(parseAmountInput('1.2.3')).toBeUndefined();
  });
});
