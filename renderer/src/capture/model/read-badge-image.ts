import zxingReaderWasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { BARCODE_DECODE_MAX_SIDE, BARCODE_QUICK_MAX_SIDE, decodeBarcodes, useLocalZxingWasm } from '../../../../shared/parsing/barcode-decode';
import { chooseBadgeCode, type BadgePhotoCode } from '../../../../shared/parsing/badge-payload';

/**
 * The badge code in a picked image or a webcam frame, read in the renderer with the same
 * zxing-wasm reader the main process uses. Its .wasm is one of the renderer bundle's own
 * assets (Vite's `?url`), fetched from the app's origin: never from a CDN. Compiling it
 * needs 'wasm-unsafe-eval' in the page's script-src (electron/security/content-security-policy.ts).
 */
let located = false;
function locateWasm(): void {
  if (located) return;
  useLocalZxingWasm({ wasmUrl: new URL(zxingReaderWasmUrl, document.baseURI).href });
  located = true;
}

/**
 * The badge code in a picked or dropped image; null when it is not an image the browser can
 * draw. `quick` for card photos, read while the OCR runs: smaller and 2D codes only, so the
 * look for a code does not slow the card down.
 */
export async function readBadgeFromImage(file: Blob, options: { quick?: boolean } = {}): Promise<BadgePhotoCode | null> {
  const maxSide = options.quick ? BARCODE_QUICK_MAX_SIDE : BARCODE_DECODE_MAX_SIDE;
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
    locateWasm();
    return chooseBadgeCode(await decodeBarcodes(context.getImageData(0, 0, width, height), options));
  } finally {
    bitmap.close();
  }
}

/** The current frame of a playing video, searched for a badge code (the webcam watches for badges); null when none. */
export async function readBadgeFromVideo(video: HTMLVideoElement, canvas: HTMLCanvasElement): Promise<string | null> {
  if (video.readyState < 2 || video.videoWidth === 0) return null;
  const scale = Math.min(1, BARCODE_QUICK_MAX_SIDE / Math.max(video.videoWidth, video.videoHeight));
  canvas.width = Math.round(video.videoWidth * scale);
  canvas.height = Math.round(video.videoHeight * scale);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return null;
  context.drawImage(video, 0, 0, canvas.width, canvas.height);
  locateWasm();
  const found = chooseBadgeCode(await decodeBarcodes(context.getImageData(0, 0, canvas.width, canvas.height), { quick: true }));
  return found.kind === 'badge' ? found.code.text : null;
}

function drawingContext(width: number, height: number): OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D | null {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  return canvas.getContext('2d', { willReadFrequently: true });
}
