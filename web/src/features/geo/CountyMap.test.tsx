import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CountyFeatureProperties, FeatureCollection } from '../../api/types';
import { I18nProvider } from '../../i18n/I18nProvider';
import { CountyMap } from './CountyMap';

const map: FeatureCollection<CountyFeatureProperties> = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', properties: { code: '25', name: 'Norrbottens län', letter: 'BD', police_region: 'nord' },
      geometry: { type: 'Polygon', coordinates: [[[18, 66], [24, 66], [24, 69], [18, 69], [18, 66]]] } },
    { type: 'Feature', properties: { code: '09', name: 'Gotlands län', letter: 'I', police_region: 'stockholm' },
      geometry: { type: 'MultiPolygon', coordinates: [[[[18, 57], [19, 57], [19, 58], [18, 57]]]] } },
  ],
};

describe('CountyMap', () => {
  it('draws each county as a named button coloured by a class, and selects on click or Enter', async () => {
    const onSelect = vi.fn();
    const user = userEvent.setup();
    const { container } = render(
      <I18nProvider initialLang="sv">
        <CountyMap map={map} selected="09" onSelect={onSelect} regionName={(id) => `Region ${id}`} />
      </I18nProvider>,
    );
    const norrbotten = screen.getByRole('button', { name: 'Norrbottens län, Region nord' });
    expect(norrbotten.getAttribute('class')).toContain('region-nord');
    expect(norrbotten.getAttribute('aria-pressed')).toBe('false');
    expect(screen.getByRole('button', { name: /^Gotlands län/ }).getAttribute('aria-pressed')).toBe('true');
    expect(container.querySelector('[style]')).toBeNull();

    await user.click(norrbotten);
    expect(onSelect).toHaveBeenLastCalledWith('25');
    screen.getByRole('button', { name: /^Gotlands län/ }).focus();
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith('09');
  });
});
