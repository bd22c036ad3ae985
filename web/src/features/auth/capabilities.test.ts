import { describe, expect, it } from 'vitest';
import type { RoleInfo } from '../../api/accountTypes';
import { shelterOrg, userWith } from '../../test/fakeApi';
import { can, grantableRoles, navFor } from './capabilities';
import type { SessionState } from './sessionState';

const active = (roles: string[], org = shelterOrg): SessionState => ({ status: 'signed-in', stage: 'active', user: userWith(roles, org) });
const navOf = (s: SessionState) => navFor(s).map((i) => i.to);
const BASIC = ['/', '/organisations', '/coverage', '/geography'];

describe('role-based navigation', () => {
  it('shows each role only what it can use', () => {
    expect(navOf(active(['ngo_worker']))).toEqual(['/', '/cases', ...BASIC.slice(1)]);
    expect(navOf(active(['social_worker']))).toEqual(['/', '/knowledge', '/cases', ...BASIC.slice(1)]);
    expect(navOf(active(['statistician']))).toEqual([...BASIC, '/statistics']);
    expect(navOf(active(['regional_coordinator']))).toEqual(['/', '/knowledge', '/cases', ...BASIC.slice(1), '/statistics']);
    expect(navOf(active(['organisation_administrator']))).toEqual([...BASIC, '/users', '/tokens']);
    expect(navOf(active(['system_administrator']))).toEqual([...BASIC, '/statistics', '/users']);
    expect(navOf(active(['auditor']))).toEqual([...BASIC, '/audit']);
    expect(navOf(active(['national_auditor']))).toEqual([...BASIC, '/audit']);
    expect(navOf(active(['organisation_administrator', 'auditor']))).toEqual([...BASIC, '/users', '/tokens', '/audit']);
  });

  it('offers break-glass only to the roles the server lets open a case outside their team', () => {
    for (const r of ['regional_coordinator', 'social_worker', 'police_investigator', 'prosecutor', 'migration_officer']) {
      expect(can(active([r]), 'breakGlass')).toBe(true);
    }
    for (const r of ['hotline_operator', 'iom_caseworker', 'ngo_worker', 'organisation_administrator', 'auditor']) {
      expect(can(active([r]), 'breakGlass')).toBe(false);
    }
    expect(can(active(['organisation_administrator']), 'cases')).toBe(false);
    expect(can(active(['iom_caseworker']), 'cases')).toBe(true);
  });

  it('shows nothing before the login is finished', () => {
    expect(navOf({ status: 'anonymous' })).toEqual([]);
    expect(navOf({ status: 'loading' })).toEqual([]);
    expect(navOf({ status: 'signed-in', stage: 'enrol_totp', user: userWith(['system_administrator']) })).toEqual([]);
  });

  it('lets only system administrators manage organisations', () => {
    expect(can(active(['system_administrator']), 'manageOrganisations')).toBe(true);
    expect(can(active(['organisation_administrator']), 'manageOrganisations')).toBe(false);
    expect(can({ status: 'signed-in', stage: 'totp', user: userWith(['system_administrator']) }, 'manageOrganisations')).toBe(false);
  });

  it('grants nothing while the session is unknown: no server is ever taken to be open', () => {
    const failed: SessionState = { status: 'error', error: new Error('404') };
    expect(navOf(failed)).toEqual([]);
    for (const cap of ['account', 'manageOrganisations', 'manageUsers', 'manageTokens', 'readAudit', 'cases', 'breakGlass'] as const) {
      expect(can(failed, cap)).toBe(false);
      expect(can({ status: 'anonymous' }, cap)).toBe(false);
    }
  });
});

describe('grantableRoles (mirrors MayGrant in the access policy)', () => {
  const roles: RoleInfo[] = [
    { role: 'system_administrator', sees_personal_data: true, kinds: ['national_unit', 'other'] },
    { role: 'organisation_administrator', sees_personal_data: true, kinds: [] },
    { role: 'ngo_worker', sees_personal_data: true, kinds: ['ngo_shelter'] },
    { role: 'police_investigator', sees_personal_data: true, kinds: ['police_region'] },
    { role: 'auditor', sees_personal_data: true, kinds: [] },
  ];

  it('lets an organisation administrator grant what the kind allows, never system administrator', () => {
    const admin = userWith(['organisation_administrator'], shelterOrg);
    expect(grantableRoles(admin, true, 'ngo_shelter', roles)).toEqual(['organisation_administrator', 'ngo_worker', 'auditor']);
    expect(grantableRoles(admin, false, 'ngo_shelter', roles)).toEqual([]);
  });

  it('lets a system administrator grant organisation administrators anywhere, system administrators at home', () => {
    const sys = userWith(['system_administrator']);
    expect(grantableRoles(sys, false, 'police_region', roles)).toEqual(['organisation_administrator']);
    expect(grantableRoles(sys, true, 'national_unit', roles)).toEqual(['system_administrator', 'organisation_administrator']);
  });
});
