// @vitest-environment jsdom
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BulkActionsBar } from '../../../renderer/src/review/BulkActionsBar';
import { fakeApi, readyStore } from '../fake-store';
import { renderWithStore } from '../render-screen';

afterEach(cleanup);

describe('BulkActionsBar', () => {
  it('deletes only after a question, with the design system’s destructive buttons: red outline to ask, red to confirm', () => {
    renderWithStore(readyStore(fakeApi()), <BulkActionsBar count={3} />);
    const ask = screen.getByRole('button', { name: 'Delete…' });
    expect(ask.className).toBe('button-danger-quiet');
    // The other actions are not destructive.
    expect(screen.getByRole('button', { name: 'Clear selection' }).className).toBe('button-quiet');

    fireEvent.click(ask);
    expect(screen.getByRole('alertdialog').textContent).toMatch(/Delete 3 leads for good\?/);
    expect(screen.getByRole('button', { name: 'Delete 3 leads' }).className).toBe('button-danger');
    fireEvent.click(screen.getByRole('button', { name: 'Keep them' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});
