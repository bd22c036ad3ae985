// Swedish texts of the notices OpenNRM sends about cases: reminders of legal clocks and tasks, and the
// missing-child alert. A reminder's or an alert's detail is stable parameters (case code, rule, date,
// days left) that these texts word. Spread into sv.ts; en has the same keys (notifications.en.ts).
export const svNotifications = {
  'notification.kind.clock_reminder': 'En tidsfrist närmar sig sitt slut',
  'notification.kind.clock_overdue': 'En tidsfrist har löpt ut',
  'notification.kind.task_due': 'En uppgift ska vara klar i morgon',
  'notification.kind.task_overdue': 'En uppgift är försenad',
  'notification.kind.missing_child_alert': 'Ett barn har försvunnit',
  'notification.kind.missing_child_resolved': 'Ett försvunnet barn är återfunnet',
  'notification.text.clock_reminder': '{case} · {rule}: sista dagen är {date}, om {count} dagar.',
  'notification.text.clock_reminder_one': '{case} · {rule}: sista dagen är {date}, i morgon.',
  'notification.text.clock_overdue': '{case} · {rule}: sista dagen var {date}. Tidsfristen har löpt ut.',
  'notification.text.task_due': '{case}: en uppgift ska vara klar {date}.',
  'notification.text.task_overdue': '{case}: en uppgift skulle ha varit klar {date}.',
  'notification.text.missing_child_alert': '{case}: ett barn i ärendet anmäldes försvunnet {date}. Öppna ärendet.',
  'notification.text.missing_child_resolved': '{case}: larmet om ett försvunnet barn avslutades {date}.',
};
