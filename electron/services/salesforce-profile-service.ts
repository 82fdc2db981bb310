/**
 * The Salesforce profile: the org's Lead Status picklist values for our statuses and its rule
 * for people never asked for consent, remembered on the laptop so every Leads export (screen
 * or CLI) uses them; `leadbooth export --profile FILE` uses a file's instead for one export.
 */
import { DEFAULT_SALESFORCE_PROFILE, type SalesforceProfile } from '../../shared/domain/exchange';
import { salesforceProfileSchema } from '../../shared/ipc/contracts/exchange';
import { parseOrThrow } from '../../shared/ipc/validation';
import { readSetting, writeSetting } from '../db/repositories/settings';
import { nowIso, type ServiceContext } from './service-context';

/** The remembered profile, else Salesforce's defaults. */
export async function getSalesforceProfile(context: Pick<ServiceContext, 'db'>): Promise<SalesforceProfile> {
  const saved = await readSetting(context.db, 'salesforceProfile');
  if (!saved) return DEFAULT_SALESFORCE_PROFILE;
  // A status LeadBooth gains later has no saved value yet: Salesforce's default stands in for it.
  return { statusValues: { ...DEFAULT_SALESFORCE_PROFILE.statusValues, ...saved.statusValues }, neverAskedOptedOut: saved.neverAskedOptedOut };
}

export async function saveSalesforceProfile(context: ServiceContext, profile: SalesforceProfile): Promise<SalesforceProfile> {
  const checked = parseOrThrow(salesforceProfileSchema, profile);
  await writeSetting(context.db, 'salesforceProfile', checked, nowIso(context));
  return checked;
}
