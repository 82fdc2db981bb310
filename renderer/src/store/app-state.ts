import type { StateCreator } from 'zustand';
import type { StoreDependencies } from './dependencies';
import type { BackupsSlice } from './backups-slice';
import type { ForgetSlice } from './forget-slice';
import type { LeadsSlice } from './leads-slice';
import type { NavigationSlice } from './navigation-slice';
import type { LeadDetailSlice } from './lead-detail-slice';
import type { CaptureSlice } from './capture-state';
import type { SessionSlice } from './session-slice';
import type { CrmSlices } from './crm-slices';
import type { ExchangeSlice } from './exchange-slice';
import type { DuplicatesSlice } from './duplicates-slice';
import type { DashboardSlice } from './dashboard-slice';
import type { TeamSyncSlice } from './team-sync-slice';

/** The whole renderer state: one store made of typed slices. */
export type AppState = SessionSlice &
  NavigationSlice &
  CaptureSlice &
  LeadsSlice &
  LeadDetailSlice &
  CrmSlices &
  ForgetSlice &
  BackupsSlice &
  ExchangeSlice &
  DuplicatesSlice &
  DashboardSlice &
  TeamSyncSlice;

/** A slice sees the whole store (slices call each other's actions) and the injected API. */
export type SliceCreator<Slice> = (deps: StoreDependencies) => StateCreator<AppState, [], [], Slice>;
