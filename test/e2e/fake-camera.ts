import fs from 'node:fs';
import sharp from 'sharp';

/**
 * A .y4m video for Chromium's fake camera (--use-file-for-fake-video-capture) showing one
 * picture: the image is fitted into width × height on a grey table and converted to
 * YUV 4:2:0, the format Chromium's file capturer reads. A few identical frames; Chromium loops them.
 */
export async function writeFakeCameraVideo(imagePath: string | Buffer, outPath: string, width = 1280, height = 720, frames = 3): Promise<void> {
  const { data } = await sharp(imagePath)
    .rotate()
    .resize({ width, height, fit: 'contain', background: { r: 90, g: 90, b: 90 } })
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const ySize = width * height;
  const cSize = (width / 2) * (height / 2);
  const yuv = Buffer.alloc(ySize + 2 * cSize);
  for (let row = 0; row < height; row++) {
    for (let column = 0; column < width; column++) {
      const at = (row * width + column) * 3;
      const [r, g, b] = [data[at] as number, data[at + 1] as number, data[at + 2] as number];
      yuv[row * width + column] = Math.round(0.257 * r + 0.504 * g + 0.098 * b + 16);
      if (row % 2 === 0 && column % 2 === 0) {
        const chroma = (row / 2) * (width / 2) + column / 2;
        yuv[ySize + chroma] = Math.round(-0.148 * r - 0.291 * g + 0.439 * b + 128);
        yuv[ySize + cSize + chroma] = Math.round(0.439 * r - 0.368 * g - 0.071 * b + 128);
      }
    }
  }
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  const frame = Buffer.from('FRAME\n');
  fs.writeFileSync(outPath, Buffer.concat([header, ...Array.from({ length: frames }, () => [frame, yuv]).flat()]));
}
