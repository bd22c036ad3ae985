import { describe, expect, it } from 'vitest';
import { loginPath, safeNext } from './next';

describe('safeNext', () => {
  it('keeps a path of this app, with its query', () => {
    expect(safeNext('/users?role=auditor&page=2')).toBe('/users?role=auditor&page=2');
    expect(safeNext('/organisations/abc/edit')).toBe('/organisations/abc/edit');
  });

  it('never leads off the site (no open redirect)', () => {
    for (const bad of ['https://evil.example', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', 'users', '', null, undefined, '/a\nb', '/a\tb']) {
      expect(safeNext(bad), String(bad)).toBe('/');
    }
  });

  it('does not loop back to the login page', () => {
    expect(safeNext('/login')).toBe('/');
    expect(safeNext('/login?next=/users')).toBe('/');
  });
});

describe('loginPath', () => {
  it('remembers where the user was', () => {
    expect(loginPath({ pathname: '/users', search: '?page=2' })).toBe('/login?next=%2Fusers%3Fpage%3D2');
    expect(loginPath({ pathname: '/', search: '' })).toBe('/login');
  });
});
