import { describe, expect, it } from 'vitest';
import { stripLogoPrefix } from '../../../shared/parsing/logo';

describe('stripLogoPrefix', () => {
  it('drops logo initials that spell the initials of the company words', () => {
    expect(stripLogoPrefix('QL Quorvane Labs GmbH')).toBe('Quorvane Labs GmbH');
    // split into two tokens, and "I" read as "l"
    expect(stripLogoPrefix('T R Tessmoor Robotics')).toBe('Tessmoor Robotics');
    expect(stripLogoPrefix('Kl Kelbrook Instruments SAS')).toBe('Kelbrook Instruments SAS');
    // a leading article is left out of the logo
    expect(stripLogoPrefix('PW The Pellwick Works AG')).toBe('The Pellwick Works AG');
  });
  it('drops a lone capital from an icon and ©/® marks', () => {
    expect(stripLogoPrefix('Q Varnholt Systems Inc.')).toBe('Varnholt Systems Inc.');
    expect(stripLogoPrefix('© Brannock Media')).toBe('Brannock Media');
  });
  it('keeps a short first word that is part of the name', () => {
    expect(stripLogoPrefix('JP Ostrand Capital')).toBe('JP Ostrand Capital');
    expect(stripLogoPrefix('Arc Lumen Studio')).toBe('Arc Lumen Studio');
  });
});
