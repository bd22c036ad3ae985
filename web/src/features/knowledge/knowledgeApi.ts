// Typed calls of the knowledge-base routes, all JSON through apiFetch (CSRF on every write).
import { apiFetch, withQuery } from '../../api/client';
import type { ItemList } from '../../api/types';
import type { Article, ArticleHit, ArticleInput, ArticleQuery } from './knowledgeTypes';

const V1 = '/api/v1/knowledge';
const path = (id: string) => `${V1}/${encodeURIComponent(id)}`;

export const knowledgeApi = {
  search: (q: ArticleQuery, signal?: AbortSignal) => apiFetch<ItemList<ArticleHit>>(withQuery(V1, { ...q }), { signal }),
  get: (id: string, signal?: AbortSignal) => apiFetch<Article>(path(id), { signal }),
  create: (body: ArticleInput) => apiFetch<Article>(V1, { method: 'POST', body }),
  update: (id: string, body: ArticleInput & { version: number }) => apiFetch<Article>(path(id), { method: 'PUT', body }),
  archive: (id: string, version: number) => apiFetch<Article>(`${path(id)}/archive`, { method: 'POST', body: { version } }),
};
