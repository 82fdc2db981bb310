// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BoothScreen } from '../../../renderer/src/app/BoothScreen';
import { fakeApi, readyStore } from '../fake-store';
import { renderWithStore } from '../render-screen';

afterEach(cleanup);

/** The booth on its Backups screen (a screen that needs one quiet request), the shell around it as the app shows it. */
function renderBooth() {
  const store = readyStore(fakeApi({ 'backups.list': async () => ({ folder: '/data/backups', backups: [] }) }));
  store.getState().navigate({ screen: 'backups' });
  renderWithStore(store, <BoothScreen />);
  return store;
}

describe('the keyboard-shortcut sheet', () => {
  it('opens on ?, lists every screen shortcut and the others, and closes on Escape giving the focus back', () => {
    renderBooth();
    const help = screen.getByRole('button', { name: 'Keyboard shortcuts' });
    help.focus();
    fireEvent.keyDown(help, { key: '?' });

    const sheet = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(sheet.getAttribute('aria-modal')).toBe('true');
    const rows = within(sheet).getAllByRole('row').map((row) => row.textContent);
    for (const line of ['Alt+NOpen New lead', 'Alt+LOpen Leads', 'Alt+UOpen Duplicates', 'Alt+AOpen Accounts', 'Alt+OOpen Opportunities', 'Alt+GOpen Dashboard', 'Alt+EOpen Export', 'Alt+SOpen Show setup', 'Alt+BOpen Backups']) {
      expect(rows).toContain(line);
    }
    expect(rows).toContain('Alt+DGo to the badge field, ready for the scanner');
    expect(rows).toContain('Ctrl+ASelect every lead the filters match');
    expect(document.activeElement).toBe(within(sheet).getByRole('button', { name: 'Close' }));

    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(help);
  });

  it('opens on F1 from anywhere, but a ? typed into a text field stays text', () => {
    renderBooth();
    const search = document.createElement('input');
    document.querySelector('main')?.append(search);
    fireEvent.keyDown(search, { key: '?' });
    expect(screen.queryByRole('dialog')).toBeNull();

    fireEvent.keyDown(search, { key: 'F1' });
    expect(screen.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('is also a button in the side bar, and an Alt shortcut still switches screens and closes it', () => {
    const store = renderBooth();
    fireEvent.click(screen.getByRole('button', { name: 'Keyboard shortcuts' }));
    expect(screen.getByRole('dialog')).toBeTruthy();
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'g', code: 'KeyG', altKey: true });
    expect(store.getState().route).toEqual({ screen: 'dashboard' });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('puts the screen in one main landmark with one h1 naming it, inside the tab panel of the selected side-bar item', () => {
    renderBooth();
    const main = screen.getByRole('main');
    expect(within(main).getByRole('heading', { level: 1 }).textContent).toBe('Backups');
    expect(within(main).getByRole('tabpanel', { name: 'Backups' })).toBeTruthy();
  });
});
