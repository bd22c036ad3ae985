// The knowledge base's JSON (GET/POST/PUT /api/v1/knowledge, docs/api/openapi.yaml).

export interface ArticleEditor {
  id: string;
  name: string;
}

export interface ArticleHead {
  id: string;
  slug: string;
  title_sv: string;
  title_en: string;
  tags: string[];
  /** Routing reason codes (data/rules/routing.toml "reason") the article explains. */
  reasons: string[];
  archived: boolean;
  version: number;
  updated_at_us: number;
  /** null for the shipped articles. */
  updated_by: ArticleEditor | null;
}

export interface Article extends ArticleHead {
  body_sv: string;
  body_en: string;
}

/** A search hit: no bodies, a plain snippet per language. */
export interface ArticleHit extends ArticleHead {
  snippet_sv: string;
  snippet_en: string;
}

export interface ArticleInput {
  slug: string;
  title_sv: string;
  title_en: string;
  body_sv: string;
  body_en: string;
  tags: string[];
  reasons: string[];
}

export interface ArticleQuery {
  q?: string;
  tag?: string;
  reason?: string;
  limit?: number;
}
