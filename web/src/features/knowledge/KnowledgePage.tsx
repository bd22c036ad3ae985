// The knowledge base page (/knowledge, /knowledge/:id): search with words and a tag, the hits with their
// snippets, the chosen article; the national unit's hotline operators also write, edit and archive.
import { useCallback, useState, type SubmitEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useApi } from '../../api/useApi';
import { ConfirmButton } from '../../components/ConfirmButton';
import { Loading, ProblemAlert } from '../../components/ProblemAlert';
import { StatusMessage } from '../../components/StatusMessage';
import { usePageTitle } from '../../components/usePageTitle';
import { useI18n } from '../../i18n/context';
import { activeUser, hasRole } from '../auth/capabilities';
import { useSession } from '../auth/sessionState';
import { ArticleEditor } from './ArticleEditor';
import { ArticleView, articleTitle } from './ArticleView';
import { knowledgeApi } from './knowledgeApi';
import type { Article } from './knowledgeTypes';
import { useArticleSearch } from './useArticleSearch';
import './knowledge.css';

/** Whether the user may write: a hotline operator of the national unit (the server decides anyway). */
export function mayEditKnowledge(user: { roles: string[]; organisation: { kind: string } } | null): boolean {
  return !!user && hasRole(user, 'hotline_operator') && user.organisation.kind === 'national_unit';
}

export function KnowledgePage() {
  const { t, lang } = useI18n();
  usePageTitle(t('knowledge.title'));
  const { id } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const tag = params.get('tag') ?? '';
  const [words, setWords] = useState(q);
  const [editing, setEditing] = useState<'new' | 'edit' | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const editor = mayEditKnowledge(activeUser(useSession().state));
  const { hits, error, loading } = useArticleSearch({ q: q || undefined, tag: tag || undefined, limit: 100 }, true, 0);

  const onSearch = (e: SubmitEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (words.trim()) next.set('q', words.trim());
    if (tag) next.set('tag', tag);
    setParams(next);
  };
  const suffix = params.toString() ? `?${params.toString()}` : '';

  return (
    <div className="knowledge-page">
      <h1>{t('knowledge.title')}</h1>
      <p>{t('knowledge.summary')}</p>
      <StatusMessage message={status} />
      <form className="knowledge-search" role="search" onSubmit={onSearch}>
        <label htmlFor="knowledge-q" className="field-label">{t('knowledge.search')}</label>
        <input id="knowledge-q" type="search" value={words} onChange={(e) => { setWords(e.target.value); }} />
        <button type="submit" className="button">{t('knowledge.searchButton')}</button>
        {tag ? (
          <p className="muted">
            {t('knowledge.tag')}: {tag} <Link to={q ? `/knowledge?q=${encodeURIComponent(q)}` : '/knowledge'}>{t('knowledge.allTags')}</Link>
          </p>
        ) : null}
      </form>
      {editor && !editing ? (
        <button type="button" className="button button--secondary" onClick={() => { setEditing('new'); setStatus(null); }}>{t('knowledge.new')}</button>
      ) : null}
      <div className="knowledge-columns">
        <section aria-labelledby="knowledge-results">
          <h2 id="knowledge-results">{t('knowledge.results')}</h2>
          {error ? <ProblemAlert error={error} message="knowledge.error" /> : null}
          {loading ? <Loading /> : null}
          {hits && !hits.length ? <p>{t('knowledge.none')}</p> : null}
          {hits?.length ? <p className="muted">{t('knowledge.count', { count: hits.length })}</p> : null}
          <ul className="knowledge-hits">
            {(hits ?? []).map((h) => (
              <li key={h.id} className={h.id === id ? 'knowledge-hit knowledge-hit--active' : 'knowledge-hit'}>
                <Link to={`/knowledge/${encodeURIComponent(h.id)}${suffix}`} aria-current={h.id === id ? 'page' : undefined}>
                  {articleTitle(h, lang)}
                </Link>
                <p className="muted">{lang === 'en' ? h.snippet_en : h.snippet_sv}</p>
                <p className="knowledge-tags">
                  {h.tags.map((tg) => (
                    <Link key={tg} to={`/knowledge?tag=${encodeURIComponent(tg)}`} className="chip">{tg}</Link>
                  ))}
                </p>
              </li>
            ))}
          </ul>
        </section>
        <section aria-label={t('knowledge.open')}>
          {editing === 'new' ? (
            <ArticleEditor
              article={null}
              onCancel={() => { setEditing(null); }}
              onSaved={(a) => { setEditing(null); setStatus(t('knowledge.saved')); void navigate(`/knowledge/${encodeURIComponent(a.id)}`); }}
            />
          ) : id ? (
            <Chosen id={id} editor={editor} editing={editing === 'edit'} setEditing={setEditing} setStatus={setStatus} />
          ) : null}
        </section>
      </div>
    </div>
  );
}

function Chosen({ id, editor, editing, setEditing, setStatus }: {
  id: string;
  editor: boolean;
  editing: boolean;
  setEditing: (e: 'edit' | null) => void;
  setStatus: (s: string | null) => void;
}) {
  const { t } = useI18n();
  const load = useCallback((signal: AbortSignal) => knowledgeApi.get(id, signal), [id]);
  const { data, error, loading, reload } = useApi<Article>(load);
  const [archiveError, setArchiveError] = useState<unknown>(undefined);
  if (loading) return <Loading />;
  if (error || !data) return <ProblemAlert error={error} onRetry={reload} />;
  if (editing) {
    return (
      <ArticleEditor
        article={data}
        onCancel={() => { setEditing(null); }}
        onSaved={() => { setEditing(null); setStatus(t('knowledge.saved')); reload(); }}
      />
    );
  }
  const archive = () => {
    knowledgeApi.archive(data.id, data.version).then(
      () => { setStatus(t('knowledge.archivedDone')); reload(); },
      setArchiveError,
    );
  };
  return (
    <>
      <ArticleView article={data} />
      {archiveError ? <ProblemAlert error={archiveError} /> : null}
      {editor && !data.archived ? (
        <div className="button-row">
          <button type="button" className="button button--secondary" onClick={() => { setStatus(null); setEditing('edit'); }}>{t('knowledge.edit')}</button>
          <ConfirmButton label={t('knowledge.archive')} question={t('knowledge.archiveConfirm')} confirmLabel={t('knowledge.archive')} onConfirm={archive} secondary />
        </div>
      ) : null}
    </>
  );
}
