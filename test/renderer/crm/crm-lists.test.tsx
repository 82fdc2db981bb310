// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccountDetailScreen } from '../../../renderer/src/crm/AccountDetailScreen';
import { AccountsScreen } from '../../../renderer/src/crm/AccountsScreen';
import { ContactDetailScreen } from '../../../renderer/src/crm/ContactDetailScreen';
import { ContactsScreen } from '../../../renderer/src/crm/ContactsScreen';
import { OpportunitiesScreen } from '../../../renderer/src/crm/OpportunitiesScreen';
import { CRM_PAGE_SIZE } from '../../../renderer/src/store/paged-search';
import { accountWith, contactWith, listItemOf, opportunityWith } from '../crm-fixtures';
import { fakeApi, readyStore } from '../fake-store';
import { renderWithStore } from '../render-screen';

afterEach(cleanup);

describe('accounts list', () => {
  it('searches as you type, loads more, and opens an account', async () => {
    const page = Array.from({ length: CRM_PAGE_SIZE + 1 }, (_, index) => accountWith({ name: `Company ${index}` }));
    const acme = accountWith({ name: 'Acme GmbH', domain: 'acme.example', city: 'Berlin' });
    const list = vi.fn(async (input: { query?: string; offset?: number }) => {
      if (input.query) return [acme];
      return (input.offset ?? 0) === 0 ? page : [acme];
    });
    const store = readyStore(fakeApi({ 'accounts.list': list }));
    renderWithStore(store, <AccountsScreen />);

    const accounts = await screen.findByRole('list', { name: 'Accounts' });
    expect(within(accounts).getAllByRole('listitem')).toHaveLength(CRM_PAGE_SIZE);
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search accounts' }));
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(within(accounts).getAllByRole('listitem')).toHaveLength(CRM_PAGE_SIZE + 1));
    expect(screen.queryByRole('button', { name: 'Load more' })).toBeNull();

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search accounts' }), { target: { value: 'acm' } });
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Accounts' })).getAllByRole('listitem')).toHaveLength(1));
    expect(screen.getByText(/acme\.example · Berlin/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Acme GmbH/ }));
    expect(store.getState().route).toEqual({ screen: 'account', accountId: acme.id });
  });

  it('says where accounts come from when there are none', async () => {
    renderWithStore(readyStore(fakeApi({ 'accounts.list': async () => [] })), <AccountsScreen />);
    expect(await screen.findByText('No accounts yet.')).toBeTruthy();
    expect(screen.getByText(/An account is made when a lead is converted/)).toBeTruthy();
  });
});

describe('contacts list', () => {
  it('lists contacts across accounts with their account, searches as you type and opens one', async () => {
    const ana = { ...contactWith({ firstName: 'Ana', lastName: 'Müller', title: 'CTO', email: 'ana@acme.example' }), accountName: 'Acme GmbH' };
    const bo = { ...contactWith({ firstName: 'Bo', lastName: 'Roe' }), accountName: 'Zeta Labs' };
    const list = vi.fn(async (input: { query?: string }) => (input.query ? [ana] : [ana, bo]));
    const store = readyStore(fakeApi({ 'contacts.list': list }));
    renderWithStore(store, <ContactsScreen />);

    const contacts = await screen.findByRole('list', { name: 'Contacts' });
    expect(within(contacts).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByText('CTO · Acme GmbH · ana@acme.example')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search contacts' }));
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search contacts' }), { target: { value: 'mül' } });
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Contacts' })).getAllByRole('listitem')).toHaveLength(1));
    expect(list).toHaveBeenLastCalledWith({ limit: CRM_PAGE_SIZE + 1, offset: 0, query: 'mül' });
    fireEvent.click(screen.getByRole('button', { name: /Ana Müller/ }));
    expect(store.getState().route).toEqual({ screen: 'contact', contactId: ana.id });
  });

  it('says what to try when the search finds nobody', async () => {
    const store = readyStore(fakeApi({ 'contacts.list': async () => [] }));
    renderWithStore(store, <ContactsScreen />);
    expect(await screen.findByText('No contacts yet.')).toBeTruthy();
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search contacts' }), { target: { value: 'zz' } });
    expect(await screen.findByText('No contact matches “zz”.')).toBeTruthy();
  });
});

describe('opportunities list', () => {
  it('filters by stage and shows name, account, stage, probability, close date and amount', async () => {
    const account = accountWith({ name: 'Umbrella SA' });
    const won = listItemOf(opportunityWith({ name: 'Umbrella deal', accountId: account.id, stage: 'Closed Won', amount: 12500 }), account.name);
    const list = vi.fn(async (input: { stage?: string }) => (input.stage === 'Closed Won' ? [won] : []));
    const store = readyStore(fakeApi({ 'opportunities.list': list }));
    renderWithStore(store, <OpportunitiesScreen />);

    expect(await screen.findByText('No opportunities yet.')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Stage' }), { target: { value: 'Closed Won' } });
    const table = await screen.findByRole('table');
    expect(list).toHaveBeenLastCalledWith({ limit: CRM_PAGE_SIZE + 1, offset: 0, stage: 'Closed Won' });
    const cells = within(table).getAllByRole('row')[1]?.textContent ?? '';
    for (const part of ['Umbrella deal', 'Umbrella SA', 'Closed Won', '100 %', (12500).toLocaleString()]) expect(cells).toContain(part);

    fireEvent.click(within(table).getByRole('button', { name: 'Umbrella SA' }));
    expect(store.getState().route).toEqual({ screen: 'account', accountId: account.id });
    store.getState().navigate({ screen: 'opportunities' });
    fireEvent.click(within(table).getByRole('button', { name: 'Umbrella deal' }));
    expect(store.getState().route).toEqual({ screen: 'opportunity', opportunityId: won.id });
  });
});

describe('account and contact pages', () => {
  it('lists the account’s contacts and opportunities; each opens its record; Escape goes back', async () => {
    const account = accountWith({ name: 'Acme GmbH', website: 'https://acme.example' });
    const ana = contactWith({ accountId: account.id, firstName: 'Ana', lastName: 'Müller', title: 'CTO' });
    const deal = opportunityWith({ accountId: account.id, name: 'Acme rollout' });
    const api = fakeApi({
      'accounts.get': async () => ({ account, contacts: [ana], opportunities: [deal] }),
      'contacts.get': async () => ({ contact: ana, account, opportunities: [deal] }),
    });
    const store = readyStore(api);
    store.getState().navigate({ screen: 'accounts' });
    store.getState().navigate({ screen: 'account', accountId: account.id });
    const view = renderWithStore(store, <AccountDetailScreen accountId={account.id} />);

    expect(await screen.findByRole('heading', { name: 'Acme GmbH' })).toBeTruthy();
    expect(screen.getByText('https://acme.example')).toBeTruthy();
    fireEvent.click(within(screen.getByRole('list', { name: 'Contacts' })).getByRole('button', { name: /Ana Müller/ }));
    expect(store.getState().route).toEqual({ screen: 'contact', contactId: ana.id });

    view.rerender(<></>);
    cleanup();
    renderWithStore(store, <ContactDetailScreen contactId={ana.id} />);
    expect(await screen.findByRole('heading', { name: 'Ana Müller' })).toBeTruthy();
    expect(screen.getByText(/CTO at/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Acme rollout' }));
    expect(store.getState().route).toEqual({ screen: 'opportunity', opportunityId: deal.id });

    store.getState().goBack();
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(store.getState().route).toEqual({ screen: 'account', accountId: account.id });
  });
});
