import type { Draft } from '../../shared/ipc/contract';
import { readSetting, writeSetting } from '../db/repositories/settings';
import { nowIso, type ServiceContext } from './service-context';

/** The entry form's half-typed lead, kept in the database so a crash or restart does not lose it. */
export async function getDraft(context: ServiceContext): Promise<Draft | null> {
  return (await readSetting(context.db, 'draft')) ?? null;
}

export async function saveDraft(context: ServiceContext, fields: Record<string, string> | null): Promise<Draft | null> {
  const savedAt = nowIso(context);
  const hasText = fields !== null && Object.values(fields).some((value) => value.trim() !== '');
  const draft = hasText ? { fields, savedAt } : null;
  await writeSetting(context.db, 'draft', draft, savedAt);
  return draft;
}
