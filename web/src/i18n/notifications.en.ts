// English texts of the notices OpenNRM sends and of the notifications page. Same keys as
// notifications.sv.ts: the type checker rejects a missing or extra key.
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

  'notifications.title': 'Notifications',
  'notifications.summary': 'Messages to you from OpenNRM.',
  'notifications.show': 'Show',
  'notifications.all': 'All',
  'notifications.unreadOnly': 'Unread only',
  'notifications.count': '{count} notifications, {unread} unread',
  'notifications.count_one': '{count} notification, {unread} unread',
  'notifications.none': 'You have no notifications.',
  'notifications.noneUnread': 'You have no unread notifications.',
  'notifications.new': 'New',
  'notifications.markRead': 'Mark as read',
  'notifications.markAll': 'Mark all as read',
  'notifications.marked': 'The notification is marked as read.',
  'notifications.allMarked': 'All notifications are marked as read.',
  'notifications.by': 'by {name}',
  'notifications.readAt': 'Read {date}',
  'notification.kind.break_glass': 'Emergency access to a case',
  'subject.case': 'Case',
  'subject.user': 'User',
};
