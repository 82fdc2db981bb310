import { describe, expect, it, vi } from 'vitest';
import type { Account } from '../../../shared/domain/crm';
import { CRM_PAGE_SIZE } from '../../../renderer/src/store/paged-search';
import { accountWith } from '../crm-fixtures';
import { fakeApi, readyStore } from '../fake-store';

function accounts(count: number, prefix: string): Account[] {
  return Array.from({ length: count }, (_, index) => accountWith({ name: `${prefix} ${index}` }));
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

describe('accounts slice', () => {
  it('asks for one row more than a page, and loads the next page from where the list ends', async () => {
    const firstPage = accounts(CRM_PAGE_SIZE + 1, 'A');
    const secondPage = accounts(3, 'B');
    const list = vi.fn().mockResolvedValueOnce(firstPage).mockResolvedValueOnce(secondPage);
    const store = readyStore(fakeApi({ 'accounts.list': list }));

    await store.getState().loadAccounts();
    expect(store.getState().accounts).toHaveLength(CRM_PAGE_SIZE);
    expect(store.getState().accountsHasMore).toBe(true);
    expect(list).toHaveBeenLastCalledWith({ limit: CRM_PAGE_SIZE + 1, offset: 0 });

    await store.getState().loadMoreAccounts();
    expect(list).toHaveBeenLastCalledWith({ limit: CRM_PAGE_SIZE + 1, offset: CRM_PAGE_SIZE });
    expect(store.getState().accounts).toEqual([...firstPage.slice(0, CRM_PAGE_SIZE), ...secondPage]);
    expect(store.getState().accountsHasMore).toBe(false);
  });

  it('searches as you type and drops a response to older words', async () => {
    const slow = deferred<Account[]>();
    const acme = accountWith({ name: 'Acme GmbH' });
    const list = vi
      .fn()
      .mockImplementationOnce(() => slow.promise)
      .mockImplementationOnce(async () => [acme]);
    const store = readyStore(fakeApi({ 'accounts.list': list }));

    const first = store.getState().loadAccounts();
    store.getState().setAccountsQuery('acm');
    await vi.waitFor(() => expect(list).toHaveBeenCalledTimes(2));
    await vi.waitFor(() => expect(store.getState().accounts).toEqual([acme]));
    slow.resolve(accounts(2, 'Old'));
    await first;

    expect(store.getState().accounts).toEqual([acme]);
    expect(list).toHaveBeenLastCalledWith({ limit: CRM_PAGE_SIZE + 1, offset: 0, query: 'acm' });
  });

  it('keeps the message the API gives when the list cannot be read', async () => {
    const { AppError } = await import('../../../shared/ipc/errors');
    const store = readyStore(
      fakeApi({ 'accounts.list': async () => Promise.reject(new AppError('busy', 'The database is busy: try again.')) }),
    );
    await store.getState().loadAccounts();
    expect(store.getState().accountsError).toBe('The database is busy: try again.');
  });
});
