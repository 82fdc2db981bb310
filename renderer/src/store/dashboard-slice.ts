import type { DashboardStats } from '../../../shared/ipc/contract';
import type { SliceCreator } from './app-state';
import type { LeadsScope } from './leads-slice';
import { toUiError } from './ui-error';

export interface DashboardSlice {
  dashboardStats: DashboardStats | null;
  dashboardScope: LeadsScope;
  dashboardLoading: boolean;
  dashboardError: string | null;
  loadDashboard(): Promise<void>;
  setDashboardScope(scope: LeadsScope): void;
}

export const createDashboardSlice: SliceCreator<DashboardSlice> = ({ api }) => {
  let latestRequest = 0;
  return (set, get) => ({
    dashboardStats: null,
    dashboardScope: 'show',
    dashboardLoading: false,
    dashboardError: null,

    async loadDashboard() {
      const request = ++latestRequest;
      const eventId = get().dashboardScope === 'show' ? get().settings.currentEventId : null;
      set({ dashboardLoading: true, dashboardError: null });
      try {
        // getTimezoneOffset is minutes *behind* UTC; the service wants minutes ahead.
        const stats = await api['dashboard.stats']({ ...(eventId && { eventId }), utcOffsetMinutes: -new Date().getTimezoneOffset() });
        if (request !== latestRequest) return;
        set({ dashboardStats: stats, dashboardLoading: false });
      } catch (error) {
        if (request !== latestRequest) return;
        set({ dashboardLoading: false, dashboardError: toUiError(error).message });
      }
    },

    setDashboardScope(scope) {
      set({ dashboardScope: scope });
      void get().loadDashboard();
    },
  });
};
