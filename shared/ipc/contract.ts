import type { z } from 'zod';
import type { Channel } from './channel';
import type { ChannelName, EventName } from './channels';
import { appChannels } from './contracts/app';
import { backupsChannels } from './contracts/backups';
import { cardsChannels, type QueueProgress } from './contracts/cards';
import { draftsChannels } from './contracts/drafts';
import { eventsChannels } from './contracts/events';
import { leadsChannels } from './contracts/leads';
import { settingsChannels, type Settings } from './contracts/settings';
import { qualificationChannels } from './contracts/qualification';
import { activitiesChannels } from './contracts/activities';
import { conversionChannels } from './contracts/conversion';
import { crmChannels } from './contracts/crm';
import { exchangeChannels } from './contracts/exchange';
import type { ExchangeProgress } from '../domain/exchange';
import { duplicatesChannels } from './contracts/duplicates';
import { dashboardChannels } from './contracts/dashboard';
import { syncChannels } from './contracts/sync';
import type { CallResult } from './errors';

// The output types live with their area; re-exported so callers name one module for the contract.
export type { AppInfo } from './contracts/app';
export type { BackupList, RestoreResult } from './contracts/backups';
export type { CardPhoto, CardReadImage, CardScanResult, QueueItem, QueueProgress, StoredCardScan } from './contracts/cards';
export type { Checklist, LeadQualification } from './contracts/qualification';
export type { FollowupEmail } from './contracts/activities';
export type { AccountSuggestion, AutoConversionReport, ConversionSuggestions } from './contracts/conversion';
export type { AccountDetail, ContactDetail, ContactListItem, OpportunityDetail, OpportunityListItem } from './contracts/crm';
export { MAX_CARD_IMAGE_BASE64_LENGTH } from './contracts/cards';
export type { Draft } from './contracts/drafts';
export { DRAFT_BADGE_KEY, DRAFT_SCAN_KEY } from './contracts/drafts';
export type { ForgetPreview, ForgottenLead, LikelyDuplicate, LeadDetail, LeadPage, SavedLead } from './contracts/leads';
export type { BulkResult, ReviewPage } from './contracts/leads';
export type { DuplicateGroupView, DuplicateGroups } from './contracts/duplicates';
export type { DashboardStats } from './contracts/dashboard';
export type { Settings } from './contracts/settings';
export type { SyncConflict, SyncReport, SyncStatus, TeamDevice } from './contracts/sync';

/** Every channel of every area (one file per area in contracts/). */
export const contract = {
  ...appChannels,
  ...settingsChannels,
  ...eventsChannels,
  ...leadsChannels,
  ...cardsChannels,
  ...draftsChannels,
  ...qualificationChannels,
  ...activitiesChannels,
  ...conversionChannels,
  ...crmChannels,
  ...backupsChannels,
  ...exchangeChannels,
  ...duplicatesChannels,
  ...dashboardChannels,
  ...syncChannels,
} satisfies Record<ChannelName, Channel<z.ZodType, unknown>>;

type Contract = typeof contract;
// Every channel name has a schema, and nothing else does.
type AssertChannelsCovered = [ChannelName] extends [keyof Contract] ? ([keyof Contract] extends [ChannelName] ? true : never) : never;
true satisfies AssertChannelsCovered;

export type ChannelInput<K extends ChannelName> = z.input<Contract[K]['input']>;
type ParsedInput<K extends ChannelName> = z.output<Contract[K]['input']>;
export type ChannelOutput<K extends ChannelName> = Contract[K]['output'];

/**
 * One handler per channel: the typed handler map the services provide and every transport
 * (Electron IPC, the browser host, the CLI in-process) serves through the dispatcher.
 */
export type Handlers = {
  [K in ChannelName]: (input: ParsedInput<K>) => Promise<ChannelOutput<K>>;
};

/** The handlers of one area: the channels named `<area>.*`. */
export type AreaHandlers<Area extends string> = Pick<Handlers, Extract<ChannelName, `${Area}.${string}`>>;

interface EventPayloads {
  'leads.changed': { ids: string[] };
  'settings.changed': Settings;
  /** The automatic conversion rule's run over a show: how far it is. */
  'conversion.progress': { done: number; total: number };
  /** The capture queue changed: an item was added, read, failed, retried or removed. */
  'cards.progress': QueueProgress;
  /** A long export or import: how far it is. */
  'exchange.progress': ExchangeProgress;
  /** A bulk update or delete of the review list: how far it is. */
  'leads.bulkProgress': { operation: 'update' | 'delete'; done: number; total: number };
}
// Every event name has a payload type, and nothing else does.
export type EventPayload<E extends EventName> = EventPayloads[E];
type AssertEventsCovered = [EventName] extends [keyof EventPayloads]
  ? [keyof EventPayloads] extends [EventName]
    ? true
    : never
  : never;
true satisfies AssertEventsCovered;

/**
 * What the preload exposes (Electron) and the HTTP client implements (browser mode):
 * one method per channel returning the result envelope, plus event subscription.
 */
export type LeadBoothBridge = {
  [K in ChannelName]: (input: ChannelInput<K>) => Promise<CallResult<ChannelOutput<K>>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};
