import { describe, expect, it } from 'vitest';
import type { Organisation } from '../../api/types';
import { emptyForm, fromOrganisation, localProblems, newCapacityRow, toInput } from './formModel';

const org: Organisation = {
  id: 'a'.repeat(32), name: 'Testboendet', kind: 'ngo_shelter', public_authority: false, active: true,
  contact: { phone: '+46101234567', email: 'info@example.org', website: '', postal_address: 'Box 1' },
  coverage: { scope: 'counties', codes: ['25'] }, services: ['shelter_women'], languages: ['swe'],
  capacity: [{ gender: 'women', age_group: 'adults', places: 6 }],
  occupancy: { occupied: 4, reported_on: '2026-11-20' }, free_places: 2, has_protected_address: true,
  version: 3, created_at: '2026-11-28T21:00:00Z', updated_at: '2026-11-28T21:00:00Z',
};

describe('form model', () => {
  it('round-trips an organisation without inventing a protected address', () => {
    const input = toInput(fromOrganisation(org));
    expect(input).toEqual({
      name: 'Testboendet', kind: 'ngo_shelter', active: true,
      contact: { phone: '+46101234567', email: 'info@example.org', website: '', postal_address: 'Box 1' },
      coverage: { scope: 'counties', codes: ['25'] }, services: ['shelter_women'], languages: ['swe'],
      capacity: [{ gender: 'women', age_group: 'adults', places: 6 }],
      occupancy: { occupied: 4, reported_on: '2026-11-20' },
    });
    expect('protected_address' in input).toBe(false);
  });

  it('sends a typed protected address, trimmed', () => {
    expect(toInput({ ...emptyForm(), protectedAddress: '  Hemlig väg 1 ' }).protected_address).toBe('Hemlig väg 1');
  });

  it('sends no codes for national coverage and null occupancy when none is reported', () => {
    const input = toInput({ ...emptyForm(), scope: 'national', codes: ['2584'] });
    expect(input.coverage).toEqual({ scope: 'national', codes: [] });
    expect(input.occupancy).toBeNull();
  });

  it('flags counts that are not whole numbers, with the server’s path format', () => {
    const s = { ...emptyForm(), capacity: [{ ...newCapacityRow(), places: '2.5' }], occupancyReported: true, occupied: '' };
    expect(localProblems(s).map((p) => p.field)).toEqual([
      'capacity[0].places', 'occupancy.occupied', 'occupancy.reported_on',
    ]);
    expect(localProblems(emptyForm())).toEqual([]);
  });
});
