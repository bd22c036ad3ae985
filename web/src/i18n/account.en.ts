// English texts of the account page (features/account). Spread into en.ts; the same keys as account.sv.ts:
// the type checker rejects a missing or extra key.
import type { svAccount } from './account.sv';

export const enAccount: Record<keyof typeof svAccount, string> = {
  'account.title': 'My account',
  'account.back': 'Back to my account',
  'account.password.title': 'Change password',
  'account.password.summary': 'Choose a new password.',
  'account.password.submit': 'Change password',
  'account.password.changed': 'Your password has been changed.',
  'sessions.title': 'Sessions',
  'sessions.summary': 'See where you are logged in and log out other devices.',
  'sessions.intro': 'These are the browsers where you are logged in right now. Do not recognise a session? End it and change your password.',
  'sessions.caption': '{count} active sessions',
  'sessions.caption_one': '{count} active session',
  'sessions.col.client': 'Browser',
  'sessions.col.created': 'Logged in',
  'sessions.col.lastSeen': 'Last active',
  'sessions.col.expires': 'Ends at the latest',
  'sessions.col.actions': 'Actions',
  'sessions.current': 'This session',
  'sessions.unknownClient': 'Unknown browser',
  'sessions.end': 'End',
  'sessions.endCurrent': 'Log out',
  'sessions.endWhich': 'the session in {client}, logged in {created}',
  'sessions.ended': 'The session has been ended.',
  'sessions.everywhere.title': 'Log out everywhere',
  'sessions.everywhere.body': 'Ends all your sessions, this one included. You then need to log in again.',
  'sessions.everywhere.button': 'Log out everywhere',
  'sessions.everywhere.question': 'All your sessions will end, this one included. Continue?',
  'sessions.everywhere.confirm': 'Yes, log out everywhere',

  'account.userId': 'Your user id',
  'account.userId.copy': 'Copy your user id',
  'account.userId.hint': 'Give it to a colleague who wants to put you on a case team.',
};
