import type { AccountDetail, ContactDetail } from '../../../shared/ipc/contract';
import type { SliceCreator } from './app-state';
import { toUiError } from './ui-error';

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
  let latestAccount = 0;
  let latestContact = 0;

  return (set, get) => ({
    accountDetail: null,
    accountDetailError: null,
    contactDetail: null,
    contactDetailError: null,

    async loadAccount(id) {
      const request = ++latestAccount;
      // Another account's page must not flash while this one loads.
      if (get().accountDetail?.account.id !== id) set({ accountDetail: null });
      set({ accountDetailError: null });
      try {
        const detail = await api['accounts.get']({ id });
        if (request === latestAccount) set({ accountDetail: detail });
      } catch (error) {
        if (request === latestAccount) set({ accountDetailError: toUiError(error).message });
      }
    },

    async loadContact(id) {
      const request = ++latestContact;
      if (get().contactDetail?.contact.id !== id) set({ contactDetail: null });
      set({ contactDetailError: null });
      try {
        const detail = await api['contacts.get']({ id });
        if (request === latestContact) set({ contactDetail: detail });
      } catch (error) {
        if (request === latestContact) set({ contactDetailError: toUiError(error).message });
      }
    },
  });
};
