// One article in the reader's language, with the other language a click away; the body's tiny markup is
// rendered as elements (markup.tsx), never as HTML.
import { useState } from 'react';
import { useI18n } from '../../i18n/context';
import { Markup } from './markup';
import type { Article } from './knowledgeTypes';

export function articleTitle(a: { title_sv: string; title_en: string }, lang: string): string {
  return lang === 'en' ? a.title_en : a.title_sv;
}

export function ArticleView({ article, headingLevel = 2 }: { article: Article; headingLevel?: 2 | 3 }) {
  const { t, lang, formatDateTime } = useI18n();
  const [other, setOther] = useState(false);
  const shown = other ? (lang === 'en' ? 'sv' : 'en') : lang;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const updated = new Date(article.updated_at_us / 1000).toISOString();
  return (
    <article className="knowledge-article" lang={shown}>
      <Heading>{articleTitle(article, shown)}</Heading>
      {article.archived ? <p className="badge">{t('knowledge.archived')}</p> : null}
      <Markup text={shown === 'en' ? article.body_en : article.body_sv} />
      {article.tags.length ? (
        <p className="muted">
          {t('knowledge.tags')}: {article.tags.join(', ')}
        </p>
      ) : null}
      <p className="muted">
        {article.updated_by
          ? t('knowledge.updated', { date: formatDateTime(updated), name: article.updated_by.name })
          : t('knowledge.shipped')}
      </p>
      <button type="button" className="button button--secondary" onClick={() => { setOther((o) => !o); }}>
        {other ? (lang === 'en' ? 'English' : 'Svenska') : t('knowledge.otherLanguage')}
      </button>
    </article>
  );
}
