// The login page's steps as a pure state machine. The server's `stage` decides where a session is;
// the page adds what the server does not track: whether the user chose a recovery code instead of a
// TOTP code, and showing the new recovery codes once before going on.
import type { Stage } from '../../api/accountTypes';
import type { SessionState } from './sessionState';

export type LoginStep =
  /** Username and password (or the one-time password at first login). `notice` says why we are here. */
  | { step: 'credentials'; notice?: 'expired' | 'loggedOut' }
  /** A TOTP code, or a recovery code when `recovery`. */
  | { step: 'totp'; recovery: boolean }
  /** Replace the one-time (or reset) password. */
  | { step: 'change_password' }
  /** Scan the QR code (or type the secret) and confirm with a code. */
  | { step: 'enrol_totp' }
  /** The ten recovery codes, shown once; `then` is the stage to go on with after "I have saved them". */
  | { step: 'recovery_codes'; codes: string[]; then: Stage }
  /** Finished: go to the wanted page. */
  | { step: 'done' };

export type LoginEvent =
  /** The server answered with the session's stage. */
  | { type: 'stage'; stage: Stage }
  | { type: 'toggleRecovery' }
  /** TOTP enrolment confirmed: show the codes before anything else. */
  | { type: 'enrolled'; codes: string[]; stage: Stage }
  | { type: 'codesSaved' }
  /** The server no longer knows the session (401 unauthenticated): start again. */
  | { type: 'expired' }
  /** The user gave up this login ("log in as someone else"). */
  | { type: 'restart' };

export function stepForStage(stage: Stage): LoginStep {
  switch (stage) {
    case 'totp':
      return { step: 'totp', recovery: false };
    case 'change_password':
      return { step: 'change_password' };
    case 'enrol_totp':
      return { step: 'enrol_totp' };
    case 'active':
      return { step: 'done' };
  }
}

/** Where the login page starts: at the session's stage, or at the credentials without one. */
export function initialStep(state: SessionState): LoginStep {
  if (state.status === 'signed-in') return stepForStage(state.stage);
  if (state.status === 'anonymous' && state.reason) return { step: 'credentials', notice: state.reason };
  return { step: 'credentials' };
}

export function loginReducer(s: LoginStep, e: LoginEvent): LoginStep {
  switch (e.type) {
    case 'stage':
      // The codes stay on screen until the user confirms saving them, whatever the server says.
      if (s.step === 'recovery_codes') return { ...s, then: e.stage };
      return stepForStage(e.stage);
    case 'toggleRecovery':
      return s.step === 'totp' ? { step: 'totp', recovery: !s.recovery } : s;
    case 'enrolled':
      return { step: 'recovery_codes', codes: e.codes, then: e.stage };
    case 'codesSaved':
      return s.step === 'recovery_codes' ? stepForStage(s.then) : s;
    case 'expired':
      return { step: 'credentials', notice: 'expired' };
    case 'restart':
      return { step: 'credentials' };
  }
}
