import { describe, expect, it } from 'vitest';
import { errorDomId, fieldDomId, fieldKeyFor, genericPath, groupFieldErrors } from './fieldErrors';

describe('fieldKeyFor', () => {
  it.each([
    ['name', 'name'],
    ['contact.email', 'contact.email'],
    ['contact.postal_address', 'contact.postal_address'],
    ['coverage', 'coverage.scope'],
    ['coverage.codes', 'coverage.codes'],
    ['coverage.codes[0]', 'coverage.codes'],
    ['coverage.codes[17]', 'coverage.codes'],
    ['services[1]', 'services'],
    ['languages[0]', 'languages'],
    ['capacity[2].places', 'capacity.2.places'],
    ['capacity[0].age_group', 'capacity.0.age_group'],
    ['capacity[1]', 'capacity.1'],
    ['occupancy', 'occupancy.occupied'],
    ['occupancy.reported_on', 'occupancy.reported_on'],
    ['protected_address', 'protected_address'],
  ])('maps %s to %s', (path, key) => {
    expect(fieldKeyFor(path)).toBe(key);
  });

  it.each(['', 'version', 'contact', 'contact.fax', 'coverage.codes[x]', 'capacity[0].colour', 'servicesX'])(
    'leaves %j to the summary',
    (path) => {
      expect(fieldKeyFor(path)).toBeNull();
    },
  );
});

describe('groupFieldErrors', () => {
  it('groups problems by field and keeps the unmatched ones', () => {
    const g = groupFieldErrors([
      { field: 'contact.email', rule: 'format', detail: 'Not a valid e-mail address.' },
      { field: 'coverage.codes[0]', rule: 'unknown_code', detail: 'x' },
      { field: 'coverage.codes[3]', rule: 'unknown_code', detail: 'y' },
      { field: 'mystery', rule: 'unknown_field', detail: 'z' },
    ]);
    expect(g.byField.get('contact.email')?.map((p) => p.rule)).toEqual(['format']);
    expect(g.byField.get('coverage.codes')?.map((p) => p.detail)).toEqual(['x', 'y']);
    expect(g.unmatched.map((p) => p.field)).toEqual(['mystery']);
  });
});

describe('DOM ids', () => {
  it('derive stable ids from field keys', () => {
    expect(fieldDomId('contact.email')).toBe('org-contact-email');
    expect(errorDomId('contact.email')).toBe('org-contact-email-error');
    expect(fieldDomId('capacity.0.age_group')).toBe('org-capacity-0-age-group');
    expect(genericPath('capacity[12].places')).toBe('capacity.places');
  });
});
