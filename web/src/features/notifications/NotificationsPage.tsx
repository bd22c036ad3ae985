// /notifications: my notifications, newest first; all or unread only; mark one or all as read.
import { useCallback, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Notification } from '../../api/accountTypes';
import { meApi } from '../../api/endpoints';
import { useApi } from '../../api/useApi';
import { Pagination } from '../../components/Pagination';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { StatusMessage } from '../../components/StatusMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { noticeText } from './noticeText';
import { useUnread } from './unread';

export const NOTIFICATIONS_PAGE_SIZE = 20;

function pageOf(params: URLSearchParams): number {
  const n = Number(params.get('page') ?? '1');
  return Number.isInteger(n) && n >= 1 ? n - 1 : 0;
}

export function NotificationsPage() {
  const { t } = useI18n();
  usePageTitle(t('notifications.title'));
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === 'true';
  const page = pageOf(params);
  const load = useCallback(
    (signal: AbortSignal) =>
      meApi.notifications({ unread: unreadOnly, limit: NOTIFICATIONS_PAGE_SIZE, offset: page * NOTIFICATIONS_PAGE_SIZE }, signal),
    [unreadOnly, page],
  );
  const { data, error, reload } = useApi(load);
  const bell = useUnread();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);

  const act = async (run: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setActionError(null);
    setMessage(null);
    try {
      await run();
      setMessage(done);
      reload();
      bell.refresh();
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  };
  const hrefFor = (p: number) => {
    const q = new URLSearchParams();
    if (unreadOnly) q.set('unread', 'true');
    if (p > 0) q.set('page', String(p + 1));
    const s = q.toString();
    return s ? `/notifications?${s}` : '/notifications';
  };

  return (
    <>
      <div className="page-head">
        <h1>{t('notifications.title')}</h1>
        <div className="page-actions">
          <button type="button" className="button button--secondary" disabled={busy || !data?.unread}
            onClick={() => void act(meApi.markAllRead, t('notifications.allMarked'))}>
            {t('notifications.markAll')}
          </button>
        </div>
      </div>
      <fieldset className="filter-choice">
        <legend>{t('notifications.show')}</legend>
        {/* Uncontrolled, and keyed by the address: the browser shows the choice at once while the
            navigation (a transition) catches up, and going back in history resets them. */}
        {(['all', 'unread'] as const).map((v) => (
          <label key={`${v}-${String(unreadOnly)}`} className="radio-inline">
            <input type="radio" name="notifications-filter" value={v} defaultChecked={unreadOnly === (v === 'unread')}
              onChange={() => { setParams(v === 'unread' ? { unread: 'true' } : {}); }} />
            {v === 'unread' ? t('notifications.unreadOnly') : t('notifications.all')}
          </label>
        ))}
      </fieldset>
      <StatusMessage message={message} />
      {actionError ? <ProblemAlert error={actionError} /> : null}
      <p role="status" className="results-count">
        {data ? t('notifications.count', { count: data.total, unread: data.unread }) : ''}
      </p>
      {error ? <ProblemAlert error={error} onRetry={reload} /> : null}
      {!data && !error ? <Loading /> : null}
      {data?.items.length === 0 ? <p>{unreadOnly ? t('notifications.noneUnread') : t('notifications.none')}</p> : null}
      {data && data.items.length > 0 ? (
        <ul className="notification-list">
          {data.items.map((n) => (
            <NotificationItem key={n.id} n={n} busy={busy}
              onRead={() => void act(() => meApi.markRead(n.id), t('notifications.marked'))} />
          ))}
        </ul>
      ) : null}
      {data ? <Pagination page={page} pages={Math.ceil(data.total / NOTIFICATIONS_PAGE_SIZE)} hrefFor={hrefFor} /> : null}
    </>
  );
}

function NotificationItem({ n, busy, onRead }: { n: Notification; busy: boolean; onRead: () => void }) {
  const { t, tDynamic, formatDate, formatDateTime } = useI18n();
  const title = tDynamic(`notification.kind.${n.kind}`, n.kind);
  const detail = noticeText(n.kind, n.detail, { tDynamic, formatDate });
  return (
    <li className={n.read_at ? 'notification' : 'notification notification--unread'}>
      <h2 className="notification-title">
        {n.read_at ? null : <span className="badge badge--unread">{t('notifications.new')}</span>} {title}
      </h2>
      {detail ? <p className="pre-line">{detail}</p> : null}
      {n.subject_type === 'referral' && n.subject_id ? (
        <p>
          <Link to={`/referrals/${encodeURIComponent(n.subject_id)}`}>
            {t('notifications.openReferral')}
            {/* The referral's code (the detail of referral_* notices) tells the links apart. */}
            {n.detail && /^REF-\d{4}-\d+$/.test(n.detail) ? <span className="visually-hidden"> {n.detail}</span> : null}
          </Link>
        </p>
      ) : null}
      <p className="muted">
        {formatDateTime(n.created_at)}
        {n.actor ? ` · ${t('notifications.by', { name: n.actor.display_name ?? n.actor.id })}` : ''}
        {n.subject_type ? ` · ${tDynamic(`subject.${n.subject_type}`, n.subject_type)} ${n.subject_id}` : ''}
      </p>
      {n.read_at ? (
        <p className="muted">{t('notifications.readAt', { date: formatDateTime(n.read_at) })}</p>
      ) : (
        <button type="button" className="button button--secondary button--small" disabled={busy} onClick={onRead}>
          {t('notifications.markRead')}
          <span className="visually-hidden"> {title}, {formatDateTime(n.created_at)}</span>
        </button>
      )}
    </li>
  );
}
