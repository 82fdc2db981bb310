import type { AccountDetail, ContactDetail } from '../../../shared/ipc/contract';
import type { SliceCreator } from './app-state';
import { latestRequest } from './latest-request';

/** The account and contact detail pages: the record and what is related to it. */
export interface CrmRecordsSlice {
  accountDetail: AccountDetail | null;
  accountDetailError: string | null;
  contactDetail: ContactDetail | null;
  contactDetailError: string | null;

  loadAccount(id: string): Promise<void>;
  loadContact(id: string): Promise<void>;
}

export const createCrmRecordsSlice: SliceCreator<CrmRecordsSlice> = ({ api }) => {
  // Opening another record while one loads: only the latest request may land.
  const accountRequests = latestRequest();
  const contactRequests = latestRequest();

  return (set, get) => ({
    accountDetail: null,
    accountDetailError: null,
    contactDetail: null,
    contactDetailError: null,

    async loadAccount(id) {
      // Another account's page must not flash while this one loads.
      if (get().accountDetail?.account.id !== id) set({ accountDetail: null });
      set({ accountDetailError: null });
      await accountRequests.run(
        () => api['accounts.get']({ id }),
        (detail) => set({ accountDetail: detail }),
        (error) => set({ accountDetailError: error.message }),
      );
    },

    async loadContact(id) {
      if (get().contactDetail?.contact.id !== id) set({ contactDetail: null });
      set({ contactDetailError: null });
      await contactRequests.run(
        () => api['contacts.get']({ id }),
        (detail) => set({ contactDetail: detail }),
        (error) => set({ contactDetailError: error.message }),
      );
    },
  });
};
