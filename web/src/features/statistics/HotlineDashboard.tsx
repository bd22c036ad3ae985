// /statistics/hotline?year=: the hotline's published tables (consultations by week and month, channel,
// topic, type of professional, region; share referred; time to first response) and, for hotline
// operators, the exact figures of the consultations in a panel marked not for publication.
import { useI18n } from '../../i18n/context';
import { activeUser } from '../auth/capabilities';
import { useSession } from '../auth/sessionState';
import { mayReadOwnHotline } from './access';
import { OwnFiguresPanel } from './OwnFiguresPanel';
import { statisticsApi } from './statisticsApi';
import { TableSetPage } from './TableSetPage';
import { usePlaces } from './usePublications';

const loadHotline = (year: number, signal: AbortSignal) => statisticsApi.hotline(year, signal);

export function HotlineDashboard() {
  const { t } = useI18n();
  const user = activeUser(useSession().state);
  const places = usePlaces();
  return (
    <TableSetPage title={t('stats.hotline.title')} intro={t('stats.hotline.intro')} load={loadHotline}
      extra={user && mayReadOwnHotline(user) ? <OwnFiguresPanel kind="hotline" places={places} /> : null} />
  );
}
