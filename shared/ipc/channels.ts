/**
 * Every channel and event name, in one place. Kept free of zod so the sandboxed preload
 * can import it without bundling the schemas; `contract.ts` checks it covers exactly these.
 */
export const CHANNEL_NAMES = [
  'app.info',
  'settings.get',
  'settings.update',
  'settings.setFastScan',
  'events.list',
  'events.create',
  'events.use',
  'leads.create',
  'leads.update',
  'leads.get',
  'leads.list',
  'leads.findDuplicates',
  'leads.merge',
  'leads.forget',
  'leads.forgetPreview',
  'cards.scan',
  'cards.get',
  'cards.readImage',
  'cards.enqueue',
  'cards.queue',
  'cards.retry',
  'cards.dequeue',
  'drafts.get',
  'drafts.save',
  'app.openExternal',
  'events.update',
  'events.badgeProfiles',
  'events.saveBadgeProfile',
  'events.removeBadgeProfile',
  'leads.detail',
  'cards.photo',
  'qualification.checklist',
  'qualification.setFramework',
  'qualification.saveCriteria',
  'qualification.answer',
  'qualification.answerMany',
  'qualification.ofLead',
  'activities.log',
  'activities.followup',
  'activities.recordFollowup',
  'conversion.suggestions',
  'conversion.convert',
  'conversion.undo',
  'conversion.getRule',
  'conversion.setRule',
  'conversion.runRule',
  'conversion.cancelRun',
  'conversion.review',
  'conversion.markReviewed',
  'accounts.list',
  'accounts.get',
  'contacts.list',
  'contacts.get',
  'opportunities.list',
  'opportunities.get',
  'opportunities.setStage',
  'opportunities.update',
  'backups.list',
  'backups.create',
  'backups.restore',
  'exchange.preview',
  'exchange.export',
  'exchange.salesforceProfile',
  'exchange.saveSalesforceProfile',
  'exchange.exportAgain',
  'exchange.confirmExport',
  'exchange.saveExport',
  'exchange.batches',
  'exchange.cancel',
  'exchange.readCsv',
  'exchange.import',
  'leads.query',
  'leads.bulkUpdate',
  'leads.delete',
  'leads.cancelBulk',
  'duplicates.groups',
  'duplicates.merge',
  'dashboard.stats',
] as const;
export type ChannelName = (typeof CHANNEL_NAMES)[number];

/** Main → renderer notifications. */
export const EVENT_NAMES = [
  'leads.changed',
  'settings.changed',
  'conversion.progress',
  'cards.progress',
  'exchange.progress',
  'leads.bulkProgress',
] as const;
export type EventName = (typeof EVENT_NAMES)[number];

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && (CHANNEL_NAMES as readonly string[]).includes(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}
