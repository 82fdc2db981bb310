// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SideBar } from '../../../renderer/src/app/SideBar';
import { tabOf } from '../../../renderer/src/app/screens';
import { useAppStore } from '../../../renderer/src/store/app-store';
import { fakeApi, readyStore } from '../fake-store';
import { renderWithStore } from '../render-screen';

afterEach(cleanup);

/** The side bar as BoothScreen places it: it follows the store's route. */
function SideBarOfRoute({ onShowShortcuts }: { onShowShortcuts(): void }) {
  const route = useAppStore((state) => state.route);
  return <SideBar current={tabOf(route)} onShowShortcuts={onShowShortcuts} />;
}

function renderSideBar(onShowShortcuts: () => void = () => {}) {
  const store = readyStore(fakeApi());
  renderWithStore(store, <SideBarOfRoute onShowShortcuts={onShowShortcuts} />);
  return store;
}

const tabNames = (list: HTMLElement) => within(list).getAllByRole('tab').map((tab) => tab.textContent);

describe('SideBar', () => {
  it('groups the screens Booth / Review / CRM / Data, each name alone on its line, the shortcut on hover', () => {
    renderSideBar();
    const nav = screen.getByRole('navigation', { name: 'Screens' });
    expect(within(nav).getAllByRole('tablist')).toHaveLength(4);
    expect(tabNames(screen.getByRole('tablist', { name: 'Booth' }))).toEqual(['New lead']);
    expect(tabNames(screen.getByRole('tablist', { name: 'Review' }))).toEqual(['Leads', 'Duplicates']);
    expect(tabNames(screen.getByRole('tablist', { name: 'CRM' }))).toEqual(['Accounts', 'Contacts', 'Opportunities']);
    expect(tabNames(screen.getByRole('tablist', { name: 'Data' }))).toEqual(['Dashboard', 'Export', 'Show setup', 'Backups', 'Team']);
    // No shortcut chip in the name: it is in the title (hover) and aria-keyshortcuts.
    const leads = screen.getByRole('tab', { name: 'Leads' });
    expect(leads.getAttribute('title')).toBe('Leads (Alt+L)');
    expect(leads.getAttribute('aria-keyshortcuts')).toBe('Alt+L');
    expect(nav.querySelector('kbd')).toBeNull();
  });

  it('marks the open screen, and the list a record belongs to while the record is open', () => {
    const store = renderSideBar();
    const selected = () => screen.getAllByRole('tab', { selected: true }).map((tab) => tab.textContent);
    expect(selected()).toEqual(['New lead']);
    expect(screen.getByRole('tab', { name: 'New lead' }).tabIndex).toBe(0);
    expect(screen.getByRole('tab', { name: 'Leads' }).tabIndex).toBe(-1);

    fireEvent.click(screen.getByRole('tab', { name: 'Opportunities' }));
    expect(store.getState().route).toEqual({ screen: 'opportunities' });
    expect(selected()).toEqual(['Opportunities']);
    expect(screen.getByRole('tab', { name: 'Opportunities' }).getAttribute('aria-controls')).toBe('panel-opportunities');

    fireEvent.click(screen.getByRole('tab', { name: 'Leads' }));
    store.getState().navigate({ screen: 'lead', leadId: 'lead-1' });
    expect(selected()).toEqual(['Leads']);
  });

  it('walks through every group with the arrow keys, Home and End, the focus following', () => {
    const store = renderSideBar();
    const newLead = screen.getByRole('tab', { name: 'New lead' });
    newLead.focus();
    fireEvent.keyDown(newLead, { key: 'ArrowDown' });
    expect(store.getState().route).toEqual({ screen: 'leads' }); // from Booth into Review
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Leads' }));

    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'End' });
    expect(store.getState().route).toEqual({ screen: 'team' });
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'ArrowDown' });
    expect(store.getState().route).toEqual({ screen: 'entry' }); // wraps round
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'ArrowUp' });
    expect(store.getState().route).toEqual({ screen: 'team' });
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'Home' });
    expect(store.getState().route).toEqual({ screen: 'entry' });
    expect(document.activeElement).toBe(newLead);
  });

  it('leaves keys alone that are not on a tab (the help button)', () => {
    const onShowShortcuts = vi.fn();
    const store = renderSideBar(onShowShortcuts);
    const help = screen.getByRole('button', { name: 'Keyboard shortcuts' });
    fireEvent.keyDown(help, { key: 'ArrowDown' });
    expect(store.getState().route).toEqual({ screen: 'entry' });
    fireEvent.click(help);
    expect(onShowShortcuts).toHaveBeenCalledOnce();
  });
});
