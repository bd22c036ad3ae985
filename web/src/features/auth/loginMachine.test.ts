import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../api/accountTypes';
import { initialStep, loginReducer, stepForStage, type LoginStep } from './loginMachine';

const user = { id: 'u', username: 'anna', display_name: 'Anna', organisation: { id: 'o', name: 'O', kind: 'other' }, roles: [], totp_enrolled: false } satisfies SessionUser;

describe('the login flow state machine', () => {
  it('goes where the server stage says', () => {
    expect(stepForStage('totp')).toEqual({ step: 'totp', recovery: false });
    expect(stepForStage('change_password')).toEqual({ step: 'change_password' });
    expect(stepForStage('enrol_totp')).toEqual({ step: 'enrol_totp' });
    expect(stepForStage('active')).toEqual({ step: 'done' });
  });

  it('runs the first login: one-time password → new password → enrolment → recovery codes → done', () => {
    let s: LoginStep = initialStep({ status: 'anonymous' });
    expect(s).toEqual({ step: 'credentials' });
    s = loginReducer(s, { type: 'stage', stage: 'change_password' });
    expect(s.step).toBe('change_password');
    s = loginReducer(s, { type: 'stage', stage: 'enrol_totp' });
    expect(s.step).toBe('enrol_totp');
    s = loginReducer(s, { type: 'enrolled', codes: ['a', 'b'], stage: 'active' });
    expect(s).toEqual({ step: 'recovery_codes', codes: ['a', 'b'], then: 'active' });
    // The codes stay until the user says they are saved, whatever the server reports meanwhile.
    s = loginReducer(s, { type: 'stage', stage: 'active' });
    expect(s.step).toBe('recovery_codes');
    s = loginReducer(s, { type: 'codesSaved' });
    expect(s).toEqual({ step: 'done' });
  });

  it('switches between the app code and a recovery code, only at the TOTP step', () => {
    let s = loginReducer({ step: 'credentials' }, { type: 'stage', stage: 'totp' });
    s = loginReducer(s, { type: 'toggleRecovery' });
    expect(s).toEqual({ step: 'totp', recovery: true });
    s = loginReducer(s, { type: 'toggleRecovery' });
    expect(s).toEqual({ step: 'totp', recovery: false });
    expect(loginReducer({ step: 'change_password' }, { type: 'toggleRecovery' })).toEqual({ step: 'change_password' });
  });

  it('starts again when the session is gone, saying why', () => {
    expect(loginReducer({ step: 'enrol_totp' }, { type: 'expired' })).toEqual({ step: 'credentials', notice: 'expired' });
    expect(loginReducer({ step: 'totp', recovery: true }, { type: 'restart' })).toEqual({ step: 'credentials' });
  });

  it('resumes an unfinished login at the stage the session is at', () => {
    expect(initialStep({ status: 'signed-in', stage: 'enrol_totp', user })).toEqual({ step: 'enrol_totp' });
    expect(initialStep({ status: 'signed-in', stage: 'active', user })).toEqual({ step: 'done' });
    expect(initialStep({ status: 'anonymous', reason: 'expired' })).toEqual({ step: 'credentials', notice: 'expired' });
    expect(initialStep({ status: 'anonymous', reason: 'loggedOut' })).toEqual({ step: 'credentials', notice: 'loggedOut' });
  });
});
