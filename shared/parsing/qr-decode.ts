import jsQR from 'jsqr';

/**
 * The text of the QR code in an RGBA image (a canvas' ImageData in the renderer, sharp's raw
 * pixels in the main process), or null when there is none. jsQR is plain JavaScript: nothing
 * is downloaded at run time. Dark-on-light and light-on-dark codes are both tried.
 */
export function decodeQr(rgba: Uint8ClampedArray, width: number, height: number): string | null {
  const code = jsQR(rgba, width, height, { inversionAttempts: 'attemptBoth' });
  return code && code.data.trim() !== '' ? code.data : null;
}

/**
 * Images are scaled to this many pixels on the long side before decoding: a badge's code
 * fills a good part of the photo, and jsQR on a 12-megapixel phone photo takes seconds.
 */
export const QR_DECODE_MAX_SIDE = 1200;
