// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShowTimeZoneField } from '../../../renderer/src/show-setup/ShowTimeZoneField';
import { AppError } from '../../../shared/ipc/errors';
import { fakeApi, readyStore, SHOW } from '../fake-store';
import { renderWithStore } from '../render-screen';

afterEach(cleanup);

describe('ShowTimeZoneField', () => {
  it('saves the show’s time zone and keeps the session’s show in step; shows the refusal of an unknown zone at the field', async () => {
    const update = vi.fn(async (input: { id: string; timeZone?: string | undefined }) => {
      if (input.timeZone === 'Mars/Olympus') throw new AppError('invalid_input', 'Check timeZone: not a zone', { timeZone: 'This is not a time zone name this computer knows.' });
      return { ...SHOW, timeZone: input.timeZone ?? SHOW.timeZone };
    });
    const store = readyStore(fakeApi({ 'events.update': update }));
    renderWithStore(store, <ShowTimeZoneField event={SHOW} />);
    const field = screen.getByLabelText('Time zone') as HTMLInputElement;
    expect(field.value).toBe('Europe/Berlin');
    fireEvent.change(field, { target: { value: 'Mars/Olympus' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save time zone' }));
    expect(await screen.findByText('This is not a time zone name this computer knows.')).toBeTruthy();
    fireEvent.change(field, { target: { value: 'America/New_York' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save time zone' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved: America/New_York.'));
    expect(update).toHaveBeenLastCalledWith({ id: SHOW.id, timeZone: 'America/New_York' });
    expect(store.getState().events.find((event) => event.id === SHOW.id)?.timeZone).toBe('America/New_York');
  });
});
