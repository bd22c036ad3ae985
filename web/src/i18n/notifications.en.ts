// English texts of the notices OpenNRM sends about cases. Same keys as notifications.sv.ts: the type
// checker rejects a missing or extra key.
import type { svNotifications } from './notifications.sv';

export const enNotifications: Record<keyof typeof svNotifications, string> = {
  'notification.kind.clock_reminder': 'A legal clock is about to end',
  'notification.kind.clock_overdue': 'A legal clock is overdue',
  'notification.kind.task_due': 'A task is due tomorrow',
  'notification.kind.task_overdue': 'A task is overdue',
  'notification.kind.missing_child_alert': 'A child is missing',
  'notification.kind.missing_child_resolved': 'A missing child has been found',
  'notification.text.clock_reminder': '{case} · {rule}: the last day is {date}, in {count} days.',
  'notification.text.clock_reminder_one': '{case} · {rule}: the last day is {date}, tomorrow.',
  'notification.text.clock_overdue': '{case} · {rule}: the last day was {date}. The clock is overdue.',
  'notification.text.task_due': '{case}: a task is due on {date}.',
  'notification.text.task_overdue': '{case}: a task was due on {date}.',
  'notification.text.missing_child_alert': '{case}: a child in the case was reported missing on {date}. Open the case.',
  'notification.text.missing_child_resolved': '{case}: the missing-child alert was resolved on {date}.',
};
