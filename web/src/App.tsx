// The routes of the single-page app; the server answers index.html for every non-API path.
import { BrowserRouter, Route, Routes } from 'react-router';
import { Layout } from './components/Layout';
import { GeographyPage } from './features/geo/GeographyPage';
import { HomePage, NotFoundPage } from './features/home/HomePage';
import { CoveragePage } from './features/orgs/CoveragePage';
import { OrgDetailPage } from './features/orgs/OrgDetailPage';
import { CreateOrgPage, EditOrgPage } from './features/orgs/OrgFormPage';
import { OrgListPage } from './features/orgs/OrgListPage';
import { I18nProvider } from './i18n/I18nProvider';

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="organisations" element={<OrgListPage />} />
        <Route path="organisations/new" element={<CreateOrgPage />} />
        <Route path="organisations/:id" element={<OrgDetailPage />} />
        <Route path="organisations/:id/edit" element={<EditOrgPage />} />
        <Route path="coverage" element={<CoveragePage />} />
        <Route path="geography" element={<GeographyPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
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
