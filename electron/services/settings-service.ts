import type { Settings } from '../../shared/ipc/contract';
import { readSetting, writeSetting } from '../db/repositories/settings';
import { nowIso, type ServiceContext } from './service-context';

export async function getSettings(context: ServiceContext): Promise<Settings> {
  return {
    staffName: (await readSetting(context.db, 'staffName')) ?? '',
    currentEventId: (await readSetting(context.db, 'currentEventId')) ?? null,
    fastScan: (await readSetting(context.db, 'fastScan')) ?? false,
  };
}

export async function setFastScan(context: ServiceContext, fastScan: boolean): Promise<Settings> {
  await writeSetting(context.db, 'fastScan', fastScan, nowIso(context));
  const settings = await getSettings(context);
  context.notify('settings.changed', settings);
  return settings;
}

export async function setStaffName(context: ServiceContext, staffName: string): Promise<Settings> {
  await writeSetting(context.db, 'staffName', staffName, nowIso(context));
  const settings = await getSettings(context);
  context.notify('settings.changed', settings);
  return settings;
}
