import { decodeQr, QR_DECODE_MAX_SIDE, QR_QUICK_MAX_SIDE } from '../../../shared/parsing/qr-decode';

/**
 * The QR code's text in a picked or dropped image, or null (no code, or not an image).
 * `quick` for card photos, read while the OCR runs: smaller and dark-on-light only, so the
 * look for a code does not slow the card down.
 */
export async function readQrFromImage(file: Blob, options: { quick?: boolean } = {}): Promise<string | null> {
  const maxSide = options.quick ? QR_QUICK_MAX_SIDE : QR_DECODE_MAX_SIDE;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return null; // not an image the browser can draw: the card scanner says what is wrong with it
  }
  try {
    const scale = Math.min(1, maxSide / Math.max(bitmap.width, bitmap.height));
    const width = Math.max(1, Math.round(bitmap.width * scale));
    const height = Math.max(1, Math.round(bitmap.height * scale));
    const context = drawingContext(width, height);
    if (!context) return null;
    context.drawImage(bitmap, 0, 0, width, height);
    return decodeQr(context.getImageData(0, 0, width, height).data, width, height, options);
  } finally {
    bitmap.close();
  }
}

/** The current frame of a playing video, searched for a QR code (the webcam watches for badges). */
export function readQrFromVideo(video: HTMLVideoElement, canvas: HTMLCanvasElement): string | null {
  if (video.readyState < 2 || video.videoWidth === 0) return null;
  const scale = Math.min(1, 800 / Math.max(video.videoWidth, video.videoHeight));
  canvas.width = Math.round(video.videoWidth * scale);
  canvas.height = Math.round(video.videoHeight * scale);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(video, 0, 0, canvas.width, canvas.height);
  return decodeQr(context.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height, { quick: true });
}

function drawingContext(width: number, height: number): OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas.getContext('2d', { willReadFrequently: true });
}
