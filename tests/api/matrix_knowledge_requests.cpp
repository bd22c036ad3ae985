// PrepareKnowledge (matrix_knowledge_requests.hpp).
#include "matrix_knowledge_requests.hpp"

#include "matrix_case_requests.hpp"
#include "raw_database.hpp"

namespace opennrm::testing::matrix {

using nlohmann::json;

namespace {

json Body(const std::string& slug) {
  return json{{"slug", slug},
              {"title_sv", "Matrisartikel"},
              {"title_en", "Matrix article"},
              {"body_sv", "Text."},
              {"body_en", "Text."},
              {"tags", json::array()},
              {"reasons", json::array()}};
}

// A new article stored directly, at version 1; its id, or "" on failure.
std::string FreshArticle(World& w, const std::string& slug) {
  RawDatabase db(*w.server);
  const std::string id = "kb-" + slug;
  const bool ok =
      db.ok() && db.Exec(
                     "INSERT INTO knowledge_articles (id, slug, title_sv, title_en, body_sv,"
                     " body_en, tags, reasons, archived, created_by, created_at_us,"
                     " updated_by, updated_at_us, version) VALUES (" +
                     SqlQuote(id) + ", " + SqlQuote(slug) +
                     ", 'Matrisartikel', 'Matrix article', 'Text.', 'Text.', '', '', 0, '',"
                     " 1, '', 1, 1)");
  return ok ? id : "";
}

}  // namespace

void PrepareKnowledge(World& w, const std::string& key, Prepared& p) {
  if (key == "GET /api/v1/knowledge") {
    p.path += "?q=betanketid";
  } else if (key == "GET /api/v1/knowledge/{id}") {
    FillParameter(p, "{id}", "kb-reflection-period");
  } else if (key == "POST /api/v1/knowledge") {
    p.body = Body("matrix-" + Unique()).dump();
  } else if (key == "PUT /api/v1/knowledge/{id}" || key == "POST /api/v1/knowledge/{id}/archive") {
    const std::string slug = "matrix-" + Unique();
    const std::string id = FreshArticle(w, slug);
    if (id.empty()) p.error = "could not store an article for " + key;
    FillParameter(p, "{id}", id);
    json body = key.rfind("PUT", 0) == 0 ? Body(slug) : json::object();
    body["version"] = 1;
    p.body = body.dump();
  } else {
    p.error = "no request builder for " + key;
  }
}

}  // namespace opennrm::testing::matrix
