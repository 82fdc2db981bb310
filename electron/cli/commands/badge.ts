/**
 * `leadbooth badge PAYLOAD | --file FILE [--save]`: what a badge's code says. PAYLOAD is the
 * text a badge's code or a keyboard-wedge scanner gives (vCard, MECARD, BIZCARD, or a
 * registration id / URL); FILE is a photo of the badge's code (any symbology
 * electron/badge/read-badge-photo.ts reads) or a text file (.vcf). Prints one JSON line; with
 * --save the lead is saved in the current show (captureMethod badge_scan) and printed.
 */
import type { NewLead } from '../../../shared/domain/lead';
import { badgeHasContact, MAX_BADGE_PAYLOAD_LENGTH, readBadgeCode, type BadgeCode } from '../../../shared/parsing/badge-payload';
import { readBadgePhoto } from '../../badge/read-badge-photo';
import { runBadgeReconcile } from './badge-reconcile';
import { UsageError } from '../cli-io';
import type { CliContext } from '../cli-context';
import type { CommandArgs } from '../parse-command-line';
import { readRegularFile, type InputFileKind } from '../regular-file';
import { MAX_FILE_BYTES } from '../../ocr/scan-input';

export async function runBadgeCommand(args: CommandArgs, cli: CliContext): Promise<void> {
  const { io } = cli;
  const openSession = () => cli.openSession();
  const file = args.text('--file');
  const given = args.positionals.join(' ');
  const attendeeList = args.text('--reconcile');
  if (attendeeList !== undefined) {
    if (file !== undefined || given || args.flag('--save')) throw new UsageError('badge --reconcile FILE takes nothing else but --json');
    await runBadgeReconcile(openSession, attendeeList, args.flag('--json'), io);
    return;
  }
  if (file !== undefined && given) throw new UsageError('badge takes the PAYLOAD or --file FILE, not both');
  if (file === undefined && !given.trim()) throw new UsageError("badge needs the PAYLOAD text, or --file FILE (a photo of the badge's code or a .vcf)");
  const text = file === undefined ? given : await readPayloadFile(file);
  const session = await openSession();
  try {
    // The current show's own profiles are tried before the built-in ones.
    const profiles = await session.client['events.badgeProfiles']({});
    const payload = readBadgeCode(text, profiles);
    if (!payload) throw new Error(`${file ?? 'The payload'} holds no text. Scan the badge again.`);
    if (payload.kind === 'unreadable') throw new Error(`The badge's code could not be read: ${payload.message}`);

    if (!args.flag('--save')) {
      io.stdout(JSON.stringify(describeBadgeCode(payload)));
      if (payload.kind === 'unrecognised') io.stderr(UNRECOGNISED_ADVICE);
      return;
    }
    if (payload.kind === 'contact' && !payload.badgeId && !badgeHasContact(payload)) {
      throw new Error('The badge holds a contact card with no name, company, email or phone: nothing to save.');
    }
    const lead: NewLead = {
      ...(payload.kind === 'contact' && payload.fields),
      // An id alone is enough to save: the organiser's attendee list says who it was.
      ...(payload.badgeId && { badgeId: payload.badgeId }),
      badgePayload: payload.raw,
      captureMethod: 'badge_scan',
    };
    const saved = await session.client['leads.create'](lead);
    io.stdout(JSON.stringify(saved.lead));
    if (payload.kind === 'unrecognised') io.stderr(UNRECOGNISED_ADVICE);
  } finally {
    await session.close();
  }
}

const UNRECOGNISED_ADVICE =
  "No badge profile fits this payload: it was kept raw, not spread over fields. If the show's badges all look like this, add a profile: leadbooth events badge-profile NAME --delimiter '^' --fields refId,firstName,lastName,…";

/** The one JSON line `badge` prints without --save: what was read, the raw payload with it. */
function describeBadgeCode(payload: Exclude<BadgeCode, { kind: 'unreadable' }>): Record<string, unknown> {
  switch (payload.kind) {
    case 'contact':
      return { format: payload.format, ...(payload.profile && { profile: payload.profile }), fields: payload.fields, ...(payload.badgeId && { badgeId: payload.badgeId }), raw: payload.raw };
    case 'id':
      return { badgeId: payload.badgeId, raw: payload.raw };
    case 'unrecognised':
      return { badgeId: payload.badgeId, unrecognised: true, raw: payload.raw };
  }
}

/** A badge photo is read like a card photo: the scanner's limit. */
const BADGE_FILE = {
  noun: "a photo of the badge's code or a .vcf file",
  advice: 'give the path of the photo or text file',
  maxBytes: MAX_FILE_BYTES,
  overLimitAdvice: 'take a smaller photo of the code',
} satisfies InputFileKind;

/** A photo's badge code, or a text file's content. */
async function readPayloadFile(file: string): Promise<string> {
  const bytes = readRegularFile(file, BADGE_FILE);
  const photo = await readBadgePhoto(bytes);
  if (!photo) {
    // not an image: a .vcf or a text file
    if (bytes.length > MAX_BADGE_PAYLOAD_LENGTH * 4) throw new Error(`${file} is neither an image nor a badge's text. Pick a photo of the badge's code.`);
    return bytes.toString('utf8');
  }
  if (photo.kind === 'product') {
    throw new Error(`${file} shows a product's barcode (${photo.format}), not a badge. Photograph the code on the visitor's badge.`);
  }
  if (photo.kind === 'none') throw new Error(`No badge code found in ${file}. Take a closer, sharper photo of the badge's code.`);
  return photo.code.text;
}
