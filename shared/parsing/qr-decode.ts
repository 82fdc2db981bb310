import jsQR from 'jsqr';

/**
 * The text of the QR code in an RGBA image (a canvas' ImageData in the renderer, sharp's raw
 * pixels in the main process), or null when there is none. jsQR is plain JavaScript: nothing
 * is downloaded at run time. Dark-on-light and light-on-dark codes are both tried.
 */
export function decodeQr(rgba: Uint8ClampedArray, width: number, height: number, options: { quick?: boolean } = {}): string | null {
  // Quick (a card photo, most of which have no code): dark-on-light only, a third of the time.
  const code = jsQR(rgba, width, height, { inversionAttempts: options.quick ? 'dontInvert' : 'attemptBoth' });
  return code && code.data.trim() !== '' ? code.data : null;
}

/**
 * Images are scaled to this many pixels on the long side before decoding: a badge's code
 * fills a good part of the photo, and jsQR on a 12-megapixel phone photo takes seconds.
 */
export const QR_DECODE_MAX_SIDE = 1200;
/** For the quick look at every card photo: ~120 ms instead of ~800 ms on a busy 2-core laptop. */
export const QR_QUICK_MAX_SIDE = 800;
