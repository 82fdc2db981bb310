import { z } from 'zod';
import { leadPatchSchema, newLeadSchema, type Lead, type LeadContactField } from '../domain/lead';
import { newEventSchema, type ShowEvent } from '../domain/event';
import type { CallResult } from './errors';
import type { ParsedCard } from '../parsing/card-fields';
import type { ChannelName, EventName } from './channels';

/** A channel: a zod schema for what comes in, and (as a type only) what goes out. */
interface Channel<Input extends z.ZodType, Output> {
  input: Input;
  /** Never read at run time: carries the output type. */
  output: Output;
}

function channel<Output>() {
  return <Input extends z.ZodType>(input: Input): Channel<Input, Output> => ({
    input,
    output: undefined as Output,
  });
}

const noInput = z.object({}).strict();

export interface AppInfo {
  version: string;
  /** Where the database file lives. */
  dataPath: string;
  /** 'electron' in the desktop window, 'browser' when served by the loopback host. */
  mode: 'electron' | 'browser';
}

export interface Settings {
  staffName: string;
  currentEventId: string | null;
}

export interface SavedLead {
  lead: Lead;
  /** Fields Salesforce needs before the lead can be exported. */
  missingForExport: LeadContactField[];
}

export interface LeadPage {
  items: Lead[];
  /** Pass back as `after` for the next page; null at the end. */
  nextCursor: string | null;
}

export interface Draft {
  /** The half-typed lead, as the form holds it. */
  fields: Record<string, string>;
  savedAt: string;
}

export interface CardScanResult {
  /** Pass as cardScanId when saving the lead, so the photo and OCR text stay with it. */
  scanId: string;
  /** What the scanner read, each field with its confidence and where on the card it was. */
  fields: ParsedCard;
  /** The raw OCR text. */
  text: string;
  ms: number;
  imageWidth: number;
  imageHeight: number;
}

/** Base64 of a card photo: 30 MB of image at most (a phone photo is 2–8 MB). */
export const MAX_CARD_IMAGE_BASE64_LENGTH = Math.ceil((30 * 1024 * 1024 * 4) / 3);

export const contract = {
  'app.info': channel<AppInfo>()(noInput),
  'settings.get': channel<Settings>()(noInput),
  'settings.update': channel<Settings>()(
    z
      .object({
        staffName: z
          .string()
          .trim()
          .min(1, { message: 'Type your name: every lead records who captured it.' })
          .max(80, { message: 'Keep your name under 80 characters.' }),
      })
      .strict(),
  ),
  'events.list': channel<ShowEvent[]>()(noInput),
  'events.create': channel<ShowEvent>()(newEventSchema.strict()),
  'events.use': channel<Settings>()(z.object({ id: z.uuid() }).strict()),
  'leads.create': channel<SavedLead>()(
    newLeadSchema
      .extend({
        cardScanId: z.uuid().optional(),
        /** The entry form's draft is this lead: clear it in the same transaction, so a crash cannot bring it back. */
        clearDraft: z.boolean().optional(),
      })
      .strict(),
  ),
  'leads.update': channel<SavedLead>()(z.object({ id: z.uuid(), patch: leadPatchSchema.strict() }).strict()),
  'leads.get': channel<Lead>()(z.object({ id: z.uuid() }).strict()),
  'leads.list': channel<LeadPage>()(
    z
      .object({
        query: z.string().max(200).optional(),
        eventId: z.uuid().optional(),
        limit: z.number().int().min(1).max(500).optional(),
        after: z.string().max(200).optional(),
      })
      .strict(),
  ),
  'cards.scan': channel<CardScanResult>()(
    z
      .object({
        imageBase64: z
          .string()
          .min(1, { message: 'The image is empty (0 bytes): take the photo again or pick another file.' })
          .max(MAX_CARD_IMAGE_BASE64_LENGTH, { message: 'The image is larger than 30 MB: use a smaller photo.' })
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'The image must be sent as base64.' }),
        fileName: z.string().max(255),
      })
      .strict(),
  ),
  'drafts.get': channel<Draft | null>()(noInput),
  'drafts.save': channel<Draft | null>()(
    z.object({ fields: z.record(z.string(), z.string().max(32_000)).nullable() }).strict(),
  ),
} satisfies Record<ChannelName, Channel<z.ZodType, unknown>>;

export type Contract = typeof contract;
export type ChannelInput<K extends ChannelName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends ChannelName> = z.output<Contract[K]['input']>;
export type ChannelOutput<K extends ChannelName> = Contract[K]['output'];

export interface EventPayloads {
  'leads.changed': { ids: string[] };
  'settings.changed': Settings;
}
// Every event name has a payload type, and nothing else does.
export type EventPayload<E extends EventName> = EventPayloads[E];
type AssertEventsCovered = [EventName] extends [keyof EventPayloads]
  ? [keyof EventPayloads] extends [EventName]
    ? true
    : never
  : never;
export const eventsCovered: AssertEventsCovered = true;

/**
 * What the preload exposes (Electron) and the HTTP client implements (browser mode):
 * one method per channel returning the result envelope, plus event subscription.
 */
export type LeadBoothBridge = {
  [K in ChannelName]: (input: ChannelInput<K>) => Promise<CallResult<ChannelOutput<K>>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};
