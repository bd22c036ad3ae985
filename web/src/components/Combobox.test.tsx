import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/I18nProvider';
import { Combobox } from './Combobox';

const FRUITS = ['Äpple', 'Apelsin', 'Banan'];

function Harness({ onSelect, onSubmit }: { onSelect: (v: string) => void; onSubmit: () => void }) {
  const [q, setQ] = useState('');
  return (
    <I18nProvider initialLang="sv">
      <form onSubmit={(e) => { e.preventDefault(); onSubmit(); }}>
        <Combobox id="fruit" label="Frukt" query={q} onQueryChange={setQ}
          options={FRUITS.filter((f) => q && f.toLowerCase().startsWith(q.toLowerCase()))}
          optionKey={(f) => f} optionLabel={(f) => f} onSelect={(f) => { setQ(f); onSelect(f); }} />
      </form>
    </I18nProvider>
  );
}

describe('Combobox', () => {
  it('is operable with arrows and Enter, and Enter never submits while suggestions show', async () => {
    const onSelect = vi.fn();
    const onSubmit = vi.fn();
    const user = userEvent.setup();
    render(<Harness onSelect={onSelect} onSubmit={onSubmit} />);
    const input = screen.getByRole('combobox', { name: 'Frukt' });
    await user.type(input, 'ap');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Apelsin']);
    expect(screen.getByRole('status').textContent).toMatch(/1 förslag/);

    await user.clear(input);
    await user.type(input, 'B');
    await user.keyboard('{ArrowDown}');
    expect(input.getAttribute('aria-activedescendant')).toBe('fruit-opt-Banan');
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenCalledWith('Banan');
    expect(onSubmit).not.toHaveBeenCalled();
    expect(input.getAttribute('aria-expanded')).toBe('false');

    await user.keyboard('{Enter}');
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it('closes on Escape', async () => {
    const user = userEvent.setup();
    render(<Harness onSelect={vi.fn()} onSubmit={vi.fn()} />);
    const input = screen.getByRole('combobox', { name: 'Frukt' });
    await user.type(input, 'a');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    await user.keyboard('{Escape}');
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });
});
