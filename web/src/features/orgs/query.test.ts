import { describe, expect, it } from 'vitest';
import { apiQuery, filtersFromParams, PAGE_SIZE, paramsFromFilters } from './query';

describe('directory query', () => {
  it('reads filters from the URL and turns page numbers into offsets', () => {
    const f = filtersFromParams(new URLSearchParams('q=kvinno&kind=ngo_shelter&municipality=2584&active=all&page=3'));
    expect(f).toEqual({ q: 'kvinno', kind: 'ngo_shelter', municipality: '2584', service: '', active: 'all', page: 2 });
    expect(apiQuery(f)).toMatchObject({ offset: 2 * PAGE_SIZE, limit: PAGE_SIZE, active: 'all', service: undefined });
  });

  it('falls back to active organisations on the first page for odd input', () => {
    const f = filtersFromParams(new URLSearchParams('active=maybe&page=-4'));
    expect(f.active).toBe('true');
    expect(f.page).toBe(0);
    expect(paramsFromFilters(f).toString()).toBe('');
  });
});
