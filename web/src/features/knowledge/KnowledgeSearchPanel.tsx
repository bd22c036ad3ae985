// The knowledge base a keystroke away from the intake screen: a non-modal panel that searches as the
// operator types (or lists the articles linked from a routing reason), moves through the hits with the
// arrow keys, opens one with Enter, and closes with Escape.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n/context';
import { ArticleView, articleTitle } from './ArticleView';
import { knowledgeApi } from './knowledgeApi';
import type { Article } from './knowledgeTypes';
import { useArticleSearch } from './useArticleSearch';
import './knowledge.css';

export interface KnowledgeSearchPanelProps {
  open: boolean;
  onClose: () => void;
  initialQuery?: string;
  /** A routing reason code: the articles linked from that reason. */
  reason?: string;
}

export function KnowledgeSearchPanel({ open, onClose, initialQuery = '', reason }: KnowledgeSearchPanelProps) {
  if (!open) return null;
  return <OpenPanel key={`${initialQuery}|${reason ?? ''}`} onClose={onClose} initialQuery={initialQuery} reason={reason} />;
}

function OpenPanel({ onClose, initialQuery, reason }: { onClose: () => void; initialQuery: string; reason?: string }) {
  const { t, lang } = useI18n();
  const [query, setQuery] = useState(initialQuery);
  const [active, setActive] = useState(0);
  const [article, setArticle] = useState<Article | null>(null);
  const [openError, setOpenError] = useState<unknown>(undefined);
  const inputRef = useRef<HTMLInputElement>(null);
  const backRef = useRef<HTMLButtonElement>(null);
  const { hits, error, loading } = useArticleSearch({ q: query.trim() || undefined, reason, limit: 20 });

  // Focus stays in the panel, so that Escape and the arrow keys keep working.
  useEffect(() => {
    if (article) backRef.current?.focus();
    else inputRef.current?.focus();
  }, [article]);

  const openArticle = (id: string) => {
    setOpenError(undefined);
    knowledgeApi.get(id).then(setArticle, setOpenError);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      if (article) setArticle(null);
      else onClose();
      return;
    }
    if (article || !hits?.length) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, hits.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter' && e.target === inputRef.current) {
      e.preventDefault();
      const hit = hits[Math.min(active, hits.length - 1)];
      if (hit) openArticle(hit.id);
    }
  };

  return (
    // A non-modal panel beside the form: Escape or Close closes it.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <dialog open className="knowledge-panel" aria-labelledby="knowledge-panel-title" onKeyDown={onKeyDown}>
      <h2 id="knowledge-panel-title">{t('knowledge.panel.title')}</h2>
      {article ? (
        <>
          <button ref={backRef} type="button" className="button button--secondary" onClick={() => { setArticle(null); }}>
            {t('knowledge.back')}
          </button>
          <ArticleView article={article} headingLevel={3} />
        </>
      ) : (
        <>
          {reason ? <p className="muted">{t('knowledge.forReason', { reason })}</p> : null}
          <label htmlFor="knowledge-panel-q" className="field-label">{t('knowledge.search')}</label>
          <input
            id="knowledge-panel-q"
            ref={inputRef}
            type="search"
            value={query}
            aria-describedby="knowledge-panel-hint"
            aria-controls="knowledge-panel-hits"
            onChange={(e) => { setQuery(e.target.value); setActive(0); }}
          />
          <p id="knowledge-panel-hint" className="field-hint">{t('knowledge.panel.hint')}</p>
          {error ? <ProblemAlert error={error} message="knowledge.error" /> : null}
          {openError ? <ProblemAlert error={openError} /> : null}
          <p role="status" className="muted">
            {loading ? t('knowledge.loading') : hits && !hits.length ? t('knowledge.none') : hits ? t('knowledge.count', { count: hits.length }) : ''}
          </p>
          <ul id="knowledge-panel-hits" className="knowledge-hits" aria-label={t('knowledge.results')}>
            {(hits ?? []).map((h, i) => (
              <li key={h.id} className={i === active ? 'knowledge-hit knowledge-hit--active' : 'knowledge-hit'} aria-current={i === active ? 'true' : undefined}>
                <button type="button" className="link-button" onClick={() => { openArticle(h.id); }}>
                  {articleTitle(h, lang)}
                </button>
                <p className="muted">{lang === 'en' ? h.snippet_en : h.snippet_sv}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" className="button button--secondary" onClick={onClose}>{t('knowledge.panel.close')}</button>
    </dialog>
  );
}
