// Renders a route of the app as a user would reach it, in a chosen language.
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { AppRoutes } from '../App';
import { I18nProvider } from '../i18n/I18nProvider';
import type { Lang } from '../i18n/translate';

export function renderRoute(path: string, lang: Lang = 'sv') {
  return render(
    <I18nProvider initialLang={lang}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
      </MemoryRouter>
    </I18nProvider>,
  );
}
