// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TextField } from '../../../renderer/src/components/TextField';

afterEach(cleanup);

describe('TextField', () => {
  it('labels its input, shows the hint under it, and hands each change on as text', () => {
    const changed = vi.fn();
    render(<TextField id="code" label="Pairing code" value="" onChange={changed} error={undefined} hint="Case does not matter." placeholder="e.g. 8K3J" />);
    const input = screen.getByLabelText('Pairing code') as HTMLInputElement;
    expect(input.placeholder).toBe('e.g. 8K3J');
    expect(input.getAttribute('aria-invalid')).toBeNull();
    expect(document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Case does not matter.');
    fireEvent.change(input, { target: { value: '8K3J' } });
    expect(changed).toHaveBeenCalledWith('8K3J');
  });

  it('shows the error instead of the hint, marks the field invalid and reads the error with it', () => {
    render(<TextField id="url" label="Hub address" className="field-wide" value="x" onChange={() => {}} error="Give the address with http://." hint="As printed." />);
    const input = screen.getByLabelText('Hub address');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Give the address with http://.');
    expect(screen.queryByText('As printed.')).toBeNull();
    expect(input.closest('.field')?.className).toBe('field field-wide field-invalid');
  });

  it('points at no message when there is none', () => {
    render(<TextField id="name" label="Name" value="" onChange={() => {}} error={undefined} />);
    expect(screen.getByLabelText('Name').getAttribute('aria-describedby')).toBeNull();
  });
});
