// Searches the knowledge base as the words change (after a short pause), aborting a search that a newer
// one replaces.
import { useEffect, useState } from 'react';
import { isAbort } from '../../api/client';
import { knowledgeApi } from './knowledgeApi';
import type { ArticleHit, ArticleQuery } from './knowledgeTypes';

export interface ArticleSearch {
  hits: ArticleHit[] | undefined;
  error: unknown;
  loading: boolean;
}

export function useArticleSearch(query: ArticleQuery, enabled = true, delayMs = 200): ArticleSearch {
  const [state, setState] = useState<ArticleSearch & { key: string }>({ key: '', hits: undefined, error: undefined, loading: false });
  const key = JSON.stringify(query);
  useEffect(() => {
    if (!enabled) return;
    const ctl = new AbortController();
    const q = JSON.parse(key) as ArticleQuery;
    const timer = setTimeout(() => {
      knowledgeApi.search(q, ctl.signal).then(
        (list) => {
          setState({ key, hits: list.items, error: undefined, loading: false });
        },
        (error: unknown) => {
          if (!isAbort(error)) setState({ key, hits: undefined, error, loading: false });
        },
      );
    }, delayMs);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [key, enabled, delayMs]);
  if (state.key !== key) return { hits: state.hits, error: undefined, loading: true };
  return state;
}
