#include "http/knowledge_dto.hpp"

namespace opennrm::http {

namespace {

Json Head(const app::ArticleView& v) {
  const auto& a = v.article;
  Json j{{"id", a.id},
         {"slug", a.slug},
         {"title_sv", a.title_sv},
         {"title_en", a.title_en},
         {"tags", a.tags},
         {"reasons", a.reasons},
         {"archived", a.archived},
         {"version", a.version},
         {"updated_at_us", a.updated_at_us}};
  j["updated_by"] = a.updated_by.empty() ? Json(nullptr)
                                         : Json{{"id", a.updated_by}, {"name", v.updated_by_name}};
  return j;
}

}  // namespace

app::ArticleInput ReadArticleInput(const Json& body, bool with_version, long long& version,
                                   Problems& problems) {
  ObjectReader r(body, "", problems);
  app::ArticleInput in;
  in.slug = r.String("slug", true).value_or("");
  in.title_sv = r.String("title_sv", true).value_or("");
  in.title_en = r.String("title_en", true).value_or("");
  in.body_sv = r.String("body_sv", true).value_or("");
  in.body_en = r.String("body_en", true).value_or("");
  in.tags = r.Strings("tags").value_or(std::vector<std::string>{});
  in.reasons = r.Strings("reasons").value_or(std::vector<std::string>{});
  if (with_version) version = r.Integer("version", true).value_or(0);
  r.RejectUnknown();
  return in;
}

Json ArticleJson(const app::ArticleView& v) {
  Json j = Head(v);
  j["body_sv"] = v.article.body_sv;
  j["body_en"] = v.article.body_en;
  return j;
}

Json ArticleHitJson(const app::ArticleHitView& h) {
  Json j = Head(h.view);
  j["snippet_sv"] = h.snippet_sv;
  j["snippet_en"] = h.snippet_en;
  return j;
}

}  // namespace opennrm::http
