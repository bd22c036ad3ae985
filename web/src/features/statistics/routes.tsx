// The statistics pages' routes, for App.tsx: every page needs the `statistics` capability; the
// administration page checks the national unit's statistician itself. Called as a function (not
// rendered as a component) so that <Routes> sees the <Route> elements.
import { Route } from 'react-router';
import { RequireCapability } from '../auth/guards';
import { AdminPage } from './AdminPage';
import { AnnualReportPage } from './AnnualReportPage';
import { EuPage } from './EuPage';
import { HotlineDashboard } from './HotlineDashboard';
import { NationalDashboard } from './NationalDashboard';
import { RegionalDashboard } from './RegionalDashboard';
import { StatisticsHomePage } from './StatisticsHomePage';
import { TablePage } from './TablePage';

export function statisticsRoutes() {
  return (
    <Route element={<RequireCapability cap="statistics" />}>
      <Route path="statistics" element={<StatisticsHomePage />} />
      <Route path="statistics/tables/:id" element={<TablePage />} />
      <Route path="statistics/national" element={<NationalDashboard />} />
      <Route path="statistics/region" element={<RegionalDashboard />} />
      <Route path="statistics/hotline" element={<HotlineDashboard />} />
      <Route path="statistics/annual-report" element={<AnnualReportPage />} />
      <Route path="statistics/eu" element={<EuPage />} />
      <Route path="statistics/admin" element={<AdminPage />} />
    </Route>
  );
}
