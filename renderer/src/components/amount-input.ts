/**
 * What a person typed into an amount field, as a number: "50000", "50,000", "50 000",
 * "12,500.50" and "12.500,50" all read as they mean. '' is no amount (null); anything that is
 * not a number is undefined, for the field to say so.
 */
export function parseAmountInput(text: string): number | null | undefined {
  const compact = text.trim().replace(/[\s\u00a0\u202f']/g, '');
  if (compact === '') return null;
  const lastComma = compact.lastIndexOf(',');
  const lastDot = compact.lastIndexOf('.');
  let plain: string;
  if (lastComma >= 0 && lastDot >= 0) {
    // Both: the later one separates the cents, the other groups thousands.
    plain = lastComma > lastDot ? compact.replace(/\./g, '').replace(',', '.') : compact.replace(/,/g, '');
  } else if (lastComma >= 0) {
    // One comma with one or two digits after it is a decimal comma ("12,5"); otherwise commas group ("50,000").
    plain = /^\d+,\d{1,2}$/.test(compact) ? compact.replace(',', '.') : compact.replace(/,/g, '');
  } else {
    plain = compact;
  }
  if (!/^-?\d+(\.\d+)?$/.test(plain)) return undefined;
  return Number(plain);
}
