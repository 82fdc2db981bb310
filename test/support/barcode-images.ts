/**
 * Real barcode images for tests, made with zxing-wasm's writer (its .wasm read from
 * node_modules, like the product's reader) and rendered to PNG with sharp.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import sharp from 'sharp';
import { prepareZXingModule, writeBarcode, type WriteInputBarcodeFormat } from 'zxing-wasm/writer';

const require = createRequire(import.meta.url);
let prepared = false;

function prepareWriter(): void {
  if (prepared) return;
  const bytes = fs.readFileSync(require.resolve('zxing-wasm/writer/zxing_writer.wasm'));
  prepareZXingModule({ overrides: { wasmBinary: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) } });
  prepared = true;
}

/** A PNG of `text` in `format`, black on white with a white margin, each module `scale` pixels. */
export async function barcodePng(text: string, format: WriteInputBarcodeFormat, options: { scale?: number; margin?: number } = {}): Promise<Buffer> {
  prepareWriter();
  const written = await writeBarcode(text, { format, scale: options.scale ?? 3 });
  if (written.error) throw new Error(`zxing could not write ${format}: ${written.error}`);
  const margin = options.margin ?? 40;
  return sharp(Buffer.from(written.svg))
    .flatten({ background: '#ffffff' })
    .extend({ top: margin, bottom: margin, left: margin, right: margin, background: '#ffffff' })
    .png()
    .toBuffer();
}

/**
 * Like a phone photo of a badge: the code on a larger grey card, tilted and slightly blurred,
 * as JPEG; `glare` lays a soft white reflection over a corner of the code (a laminated badge
 * under the hall's lights).
 */
export async function photographed(png: Buffer, options: { degrees?: number; blur?: number; width?: number; glare?: boolean } = {}): Promise<Buffer> {
  const tilted = await sharp(png)
    .rotate(options.degrees ?? 7, { background: '#f4f4f4' })
    .blur(options.blur ?? 1.2)
    .png()
    .toBuffer();
  const meta = await sharp(tilted).metadata();
  const width = Math.max(options.width ?? 1600, (meta.width ?? 0) + 100);
  const height = Math.round(width * 0.75);
  const tiltedMeta = await sharp(tilted).metadata();
  const glare = options.glare
    ? [
        {
          input: Buffer.from(
            `<svg xmlns="http://www.w3.org/2000/svg" width="${tiltedMeta.width}" height="${tiltedMeta.height}">` +
              '<defs><radialGradient id="g"><stop offset="0" stop-color="#fff" stop-opacity="0.75"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient></defs>' +
              `<ellipse cx="${Math.round((tiltedMeta.width ?? 0) * 0.3)}" cy="${Math.round((tiltedMeta.height ?? 0) * 0.3)}" rx="${Math.round((tiltedMeta.width ?? 0) * 0.28)}" ry="${Math.round((tiltedMeta.height ?? 0) * 0.2)}" fill="url(#g)"/></svg>`,
          ),
          gravity: 'center',
        },
      ]
    : [];
  return sharp({ create: { width, height: Math.max(height, (meta.height ?? 0) + 100), channels: 3, background: '#d8d8d0' } })
    .composite([{ input: tilted, gravity: 'center' }, ...glare])
    .jpeg({ quality: 85 })
    .toBuffer();
}

/** Several codes side by side on one white sheet (a badge with a QR code and a 1D code). */
export async function sideBySide(images: Buffer[]): Promise<Buffer> {
  const metas = await Promise.all(images.map((image) => sharp(image).metadata()));
  const width = metas.reduce((sum, meta) => sum + (meta.width ?? 0) + 40, 40);
  const height = Math.max(...metas.map((meta) => meta.height ?? 0)) + 80;
  let left = 40;
  const composites = images.map((input, index) => {
    const placed = { input, left, top: 40 };
    left += (metas[index]?.width ?? 0) + 40;
    return placed;
  });
  return sharp({ create: { width, height, channels: 3, background: '#ffffff' } }).composite(composites).png().toBuffer();
}
