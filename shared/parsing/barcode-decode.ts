import { prepareZXingModule, readBarcodes, type ReadInputBarcodeFormat, type ReaderOptions } from 'zxing-wasm/reader';

/**
 * The codes in an RGBA image (a canvas' ImageData in the renderer, sharp's raw pixels in the
 * main process and the CLI), decoded with zxing-wasm (ZXing-C++ as WebAssembly): QR, PDF417,
 * Aztec, DataMatrix and the 1D codes badges carry (Code 128, Code 39, …), dark-on-light and
 * light-on-dark, at any rotation.
 *
 * zxing-wasm fetches its .wasm from a CDN unless told otherwise: the booth is offline and
 * nothing may ever be fetched. So nothing decodes until the process has said where its local
 * copy is (`useLocalZxingWasm`: the bytes in Node, the app bundle's own URL in the renderer).
 */

export interface RgbaPixels {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

export interface DecodedBarcode {
  text: string;
  /** zxing's name of the symbology: 'QRCode', 'PDF417', 'Code128', 'EAN13', … */
  format: string;
}

/** Where this process's copy of zxing_reader.wasm is: its bytes (Node) or a same-origin URL (renderer). */
export type LocalZxingWasm = { wasmBinary: ArrayBuffer } | { wasmUrl: string };

let located = false;

export function useLocalZxingWasm(wasm: LocalZxingWasm): void {
  const overrides =
    'wasmBinary' in wasm
      ? { wasmBinary: wasm.wasmBinary }
      : // Every file the module asks for is the one .wasm: never the CDN default.
        { locateFile: () => wasm.wasmUrl };
  prepareZXingModule({ overrides, fireImmediately: false });
  located = true;
}

/** The symbologies registration vendors print on badges. */
const BADGE_SYMBOLOGIES = [
  'QRCode',
  'MicroQRCode',
  'PDF417',
  'CompactPDF417',
  'MicroPDF417',
  'Aztec',
  'DataMatrix',
  'Code128',
  'Code39',
  'Code93',
  'Codabar',
  'ITF',
] as const satisfies readonly ReadInputBarcodeFormat[];

/**
 * Product codes (EAN / UPC / ISBN): read so that a photo of a book or a bottle is refused by
 * name ("that is a product's EAN-13"), never kept as someone's badge id.
 */
const PRODUCT_SYMBOLOGIES = ['EAN13', 'EAN8', 'UPCA', 'UPCE', 'ISBN'] as const satisfies readonly ReadInputBarcodeFormat[];

export function isProductCode(code: DecodedBarcode): boolean {
  return (PRODUCT_SYMBOLOGIES as readonly string[]).includes(code.format);
}

/** Photos are scaled to this many pixels on the long side: enough for a long Code 128, fast on a 12-MP photo. */
export const BARCODE_DECODE_MAX_SIDE = 2000;
/** A card photo's quick look for a badge code, and a webcam frame: smaller, one pass. */
export const BARCODE_QUICK_MAX_SIDE = 800;

/**
 * Every code in the image, in zxing's order; empty when there is none. `quick` (a card photo
 * or a webcam frame, most of which hold no code): badge symbologies only, one plain pass.
 * Otherwise (a photo picked as a badge) the plain pass first — it reads a sharp photo in a
 * fraction of the time — and the thorough one (harder, rotated, inverted, product codes too)
 * only when it found nothing.
 */
export async function decodeBarcodes(pixels: RgbaPixels, options: { quick?: boolean } = {}): Promise<DecodedBarcode[]> {
  if (!located) throw new Error('The barcode reader was not given its local .wasm file (useLocalZxingWasm): nothing is fetched from the internet.');
  const plain = await read(pixels, { formats: [...BADGE_SYMBOLOGIES], tryHarder: false, tryInvert: false, tryRotate: false, tryDownscale: true, maxNumberOfSymbols: 8 });
  if (options.quick || plain.length > 0) return plain;
  return read(pixels, { formats: [...BADGE_SYMBOLOGIES, ...PRODUCT_SYMBOLOGIES], tryHarder: true, tryInvert: true, tryRotate: true, tryDownscale: true, maxNumberOfSymbols: 8 });
}

async function read(pixels: RgbaPixels, readerOptions: ReaderOptions): Promise<DecodedBarcode[]> {
  // zxing reads any { data, width, height } as pixels; Node has no ImageData class to make one.
  const results = await readBarcodes(pixels as unknown as Parameters<typeof readBarcodes>[0], readerOptions);
  return results.filter((result) => result.isValid && result.text.trim() !== '').map((result) => ({ text: result.text, format: result.format }));
}
