// JSON of the knowledge base: reading an article an editor writes, and
// writing articles and search hits (hits carry snippets instead of bodies).
#pragma once

#include "app/knowledge/knowledge.hpp"
#include "http/json_body.hpp"

namespace opennrm::http {

// Reads {slug, title_sv, title_en, body_sv, body_en, tags?, reasons?} (and
// "version" when `with_version`); types checked here, rules by the use case.
app::ArticleInput ReadArticleInput(const Json& body, bool with_version, long long& version,
                                   Problems& problems);

// Article {"id","slug","title_sv","title_en","body_sv","body_en","tags","reasons","archived",
// "version","updated_at_us","updated_by":{"id","name"}|null}.
Json ArticleJson(const app::ArticleView& v);
// The same without bodies, with "snippet_sv" and "snippet_en".
Json ArticleHitJson(const app::ArticleHitView& h);

}  // namespace opennrm::http
