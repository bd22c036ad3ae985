// The routes of the single-page app; the server answers index.html for every non-API path.
// Everything but the login page needs a finished login; some pages need a role as well.
import { BrowserRouter, Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { AccountPage } from './features/account/AccountPage';
import { ChangePasswordPage } from './features/account/ChangePasswordPage';
import { RecoveryCodesPage } from './features/account/RecoveryCodesPage';
import { SessionsPage } from './features/account/SessionsPage';
import { AuditPage } from './features/audit/AuditPage';
import { RequireCapability, RequireSession } from './features/auth/guards';
import { BreakGlassPage } from './features/cases/BreakGlassPage';
import { CaseListPage } from './features/cases/CaseListPage';
import { CasePage } from './features/cases/CasePage';
import { NewCasePage } from './features/cases/NewCasePage';
import { NewCaseGuide } from './features/cases/newcase/NewCaseGuide';
import { PersonSearchPage } from './features/cases/PersonSearchPage';
import { LoginPage } from './features/auth/LoginPage';
import { SessionProvider } from './features/auth/SessionProvider';
import { GeographyPage } from './features/geo/GeographyPage';
import { HomePage, NotFoundPage } from './features/home/HomePage';
import { ConsultationPage } from './features/hotline/ConsultationPage';
import { IntakePage } from './features/hotline/IntakePage';
import { QueuePage } from './features/hotline/QueuePage';
import { KnowledgePage } from './features/knowledge/KnowledgePage';
import { NotificationsPage } from './features/notifications/NotificationsPage';
import { CoveragePage } from './features/orgs/CoveragePage';
import { OrgDetailPage } from './features/orgs/OrgDetailPage';
import { CreateOrgPage, EditOrgPage } from './features/orgs/OrgFormPage';
import { OrgListPage } from './features/orgs/OrgListPage';
import { HotlineInfoPage } from './features/public/HotlineInfoPage';
import { InboxPage } from './features/referrals/InboxPage';
import { PrintSummaryPage } from './features/referrals/PrintSummaryPage';
import { ReferralPage } from './features/referrals/ReferralPage';
import { statisticsRoutes } from './features/statistics/routes';
import { MyTasksPage } from './features/tasks/MyTasksPage';
import { TokensPage } from './features/tokens/TokensPage';
import { CreateUserPage } from './features/users/CreateUserPage';
import { UserDetailPage } from './features/users/UserDetailPage';
import { UserListPage } from './features/users/UserListPage';
import { I18nProvider } from './i18n/I18nProvider';

export function AppRoutes() {
  return (
    <SessionProvider>
      <Routes>
        <Route element={<Layout />}>
          <Route path="login" element={<LoginPage />} />
          {/* The public information page about the hotline: no login (issue 6 point 6). */}
          <Route path="hjalp" element={<HotlineInfoPage />} />
          <Route path="help" element={<HotlineInfoPage />} />
          <Route element={<RequireSession />}>
            <Route index element={<HomePage />} />
            <Route path="organisations" element={<OrgListPage />} />
            <Route path="organisations/:id" element={<OrgDetailPage />} />
            <Route element={<RequireCapability cap="manageOrganisations" />}>
              <Route path="organisations/new" element={<CreateOrgPage />} />
              <Route path="organisations/:id/edit" element={<EditOrgPage />} />
            </Route>
            <Route path="coverage" element={<CoveragePage />} />
            <Route path="geography" element={<GeographyPage />} />
            <Route element={<RequireCapability cap="account" />}>
              <Route path="account" element={<AccountPage />} />
              <Route path="account/password" element={<ChangePasswordPage />} />
              <Route path="account/sessions" element={<SessionsPage />} />
              <Route path="account/recovery-codes" element={<RecoveryCodesPage />} />
              <Route path="notifications" element={<NotificationsPage />} />
            </Route>
            <Route element={<RequireCapability cap="manageUsers" />}>
              <Route path="users" element={<UserListPage />} />
              <Route path="users/new" element={<CreateUserPage />} />
              <Route path="users/:id" element={<UserDetailPage />} />
            </Route>
            <Route element={<RequireCapability cap="manageTokens" />}>
              <Route path="tokens" element={<TokensPage />} />
            </Route>
            <Route element={<RequireCapability cap="cases" />}>
              <Route path="cases" element={<CaseListPage />} />
              <Route path="cases/new" element={<NewCasePage />} />
              <Route path="cases/new/guide" element={<NewCaseGuide />} />
              <Route path="cases/find-person" element={<PersonSearchPage />} />
              <Route path="cases/:id" element={<CasePage />} />
              <Route path="tasks" element={<MyTasksPage />} />
              <Route path="referrals/inbox" element={<InboxPage />} />
              <Route path="referrals/:id" element={<ReferralPage />} />
              <Route path="referrals/:id/print" element={<PrintSummaryPage />} />
            </Route>
            <Route element={<RequireCapability cap="hotline" />}>
              <Route path="hotline" element={<QueuePage />} />
              <Route path="hotline/new" element={<IntakePage />} />
              <Route path="hotline/consultations/:id" element={<ConsultationPage />} />
              <Route path="hotline/consultations/:id/edit" element={<IntakePage />} />
            </Route>
            <Route element={<RequireCapability cap="knowledge" />}>
              <Route path="knowledge" element={<KnowledgePage />} />
              <Route path="knowledge/:id" element={<KnowledgePage />} />
            </Route>
            <Route element={<RequireCapability cap="breakGlass" />}>
              <Route path="cases/break-glass" element={<BreakGlassPage />} />
            </Route>
            {statisticsRoutes()}
            <Route element={<RequireCapability cap="readAudit" />}>
              <Route path="audit" element={<AuditPage />} />
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Route>
      </Routes>
    </SessionProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <BrowserRouter>
        <AppRoutes />
      </BrowserRouter>
    </I18nProvider>
  );
}
