// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ShowMoneyFields } from '../../../renderer/src/show-setup/ShowMoneyFields';
import { AppError } from '../../../shared/ipc/errors';
import { fakeApi, readyStore, SHOW } from '../fake-store';
import { renderWithStore } from '../render-screen';

afterEach(cleanup);

describe('ShowMoneyFields', () => {
  it('checks the currency and cost itself, shows the API’s refusal at the field, saves and keeps the session’s show in step', async () => {
    const update = vi.fn(async (input: { id: string; currency?: string | undefined; cost?: number | null | undefined }) => {
      if (input.currency === 'QQQ') throw new AppError('invalid_input', 'Check currency', { currency: 'This is not a currency code this computer knows.' });
      return { ...SHOW, currency: input.currency ?? SHOW.currency, cost: input.cost ?? null };
    });
    const store = readyStore(fakeApi({ 'events.update': update }));
    renderWithStore(store, <ShowMoneyFields event={SHOW} />);
    const currency = screen.getByLabelText('Currency') as HTMLInputElement;
    const cost = screen.getByLabelText('Total cost of the show') as HTMLInputElement;
    expect([currency.value, cost.value]).toEqual(['EUR', '']);

    fireEvent.change(currency, { target: { value: '€' } });
    fireEvent.change(cost, { target: { value: 'a lot' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save currency and cost' }));
    expect(screen.getByText('Use the three-letter currency code, e.g. EUR, USD or GBP.')).toBeTruthy();
    expect(screen.getByText('Enter the cost as a number, e.g. 12500.')).toBeTruthy();
    expect(update).not.toHaveBeenCalled();

    fireEvent.change(currency, { target: { value: 'qqq' } });
    fireEvent.change(cost, { target: { value: '18,500' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save currency and cost' }));
    expect(await screen.findByText('This is not a currency code this computer knows.')).toBeTruthy();

    fireEvent.change(currency, { target: { value: 'chf' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save currency and cost' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Saved: .*18.?500/));
    expect(update).toHaveBeenLastCalledWith({ id: SHOW.id, currency: 'CHF', cost: 18500 });
    expect(store.getState().events.find((event) => event.id === SHOW.id)).toMatchObject({ currency: 'CHF', cost: 18500 });
  });
});
