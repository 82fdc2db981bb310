/**
 * `leadbooth badge PAYLOAD | --file FILE [--save]`: what a badge's code says. PAYLOAD is the
 * text a QR code or a keyboard-wedge scanner gives (vCard, MECARD, BIZCARD, or a registration
 * id / URL); FILE is a photo of the QR code or a text file (.vcf). Prints one JSON line; with
 * --save the lead is saved in the current show (captureMethod badge_scan) and printed.
 */
import sharp from 'sharp';
import type { NewLead } from '../../../shared/domain/lead';
import { badgeHasContact, MAX_BADGE_PAYLOAD_LENGTH, readBadgeCode } from '../../../shared/parsing/badge-payload';
import { decodeQr, QR_DECODE_MAX_SIDE } from '../../../shared/parsing/qr-decode';
import { UsageError, type CliIo, type UsageLine } from '../cli-io';
import type { CliSession } from '../open-client';
import { parseOptions } from '../parse-command-line';
import { readRegularFile, type InputFileKind } from '../regular-file';
import { MAX_FILE_BYTES } from '../../ocr/scan-input';

export const BADGE_USAGE: UsageLine[] = [
  ['badge PAYLOAD | --file FILE [--save]', "read a badge's QR text or a photo of it; --save saves the lead in the current show"],
];

export async function runBadgeCommand(openSession: () => Promise<CliSession>, words: string[], io: CliIo): Promise<void> {
  const args = parseOptions(words, { '--file': 'text', '--save': 'flag' }, 'badge');
  const file = args.text('--file');
  const given = args.positionals.join(' ');
  if (file !== undefined && given) throw new UsageError('badge takes the PAYLOAD or --file FILE, not both');
  if (file === undefined && !given.trim()) throw new UsageError('badge needs the PAYLOAD text, or --file FILE (a photo of the QR code or a .vcf)');
  const text = file === undefined ? given : await readPayloadFile(file);
  const payload = readBadgeCode(text);
  if (!payload) throw new Error(`${file ?? 'The payload'} holds no text. Scan the badge again.`);
  if (payload.kind === 'unreadable') throw new Error(`The badge's code could not be read: ${payload.message}`);

  if (!args.flag('--save')) {
    io.stdout(JSON.stringify(payload.kind === 'id' ? { badgeId: payload.badgeId } : { format: payload.format, fields: payload.fields }));
    return;
  }
  if (payload.kind === 'contact' && !badgeHasContact(payload)) {
    throw new Error('The badge holds a contact card with no name, company, email or phone: nothing to save.');
  }
  const lead: NewLead =
    payload.kind === 'id'
      ? // Saved with the id alone: the organiser's attendee list says who it was.
        { badgeId: payload.badgeId, captureMethod: 'badge_scan' }
      : { ...payload.fields, captureMethod: 'badge_scan' };
  const session = await openSession();
  try {
    const saved = await session.client['leads.create'](lead);
    io.stdout(JSON.stringify(saved.lead));
  } finally {
    await session.close();
  }
}

/** A badge photo is read like a card photo: the scanner's limit. */
const BADGE_FILE = {
  noun: 'a photo of the QR code or a .vcf file',
  advice: 'give the path of the photo or text file',
  maxBytes: MAX_FILE_BYTES,
  overLimitAdvice: 'take a smaller photo of the code',
} satisfies InputFileKind;

/** A photo's QR code, or a text file's content. */
async function readPayloadFile(file: string): Promise<string> {
  const bytes = readRegularFile(file, BADGE_FILE);
  const image = await sharp(bytes, { failOn: 'none' })
    .rotate()
    .resize({ width: QR_DECODE_MAX_SIDE, height: QR_DECODE_MAX_SIDE, fit: 'inside', withoutEnlargement: true })
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
    .catch(() => null); // not an image: a .vcf or a text file
  if (!image) {
    if (bytes.length > MAX_BADGE_PAYLOAD_LENGTH * 4) throw new Error(`${file} is neither an image nor a badge's text. Pick a photo of the QR code.`);
    return bytes.toString('utf8');
  }
  const text = decodeQr(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.info.width, image.info.height);
  if (text === null) throw new Error(`No QR code found in ${file}. Take a closer, sharper photo of the badge's code.`);
  return text;
}
