#include "cli/knowledge_file.hpp"

#include <toml++/toml.h>

#include "cli/reference_files.hpp"
#include "cli/toml_table_reader.hpp"
#include "domain/text/fold.hpp"

namespace opennrm::cli {

namespace {

constexpr int kFormat = 1;

Result<knowledge::Article> ReadArticle(const toml::table& t, std::size_t index,
                                       const std::string& path,
                                       const std::set<std::string>* known_reasons) {
  TableReader r(t, TableReader::Indexed("articles", index), path);
  r.OnlyKeys({"slug", "title_sv", "title_en", "tags", "reasons", "body_sv", "body_en"});
  knowledge::Article a;
  r.Text("slug", a.slug);
  r.Text("title_sv", a.title_sv);
  r.Text("title_en", a.title_en);
  if (t.get("tags")) r.Texts("tags", a.tags);
  if (t.get("reasons")) r.Texts("reasons", a.reasons);
  r.Text("body_sv", a.body_sv);
  r.Text("body_en", a.body_en);
  if (!r.ok()) return tl::unexpected(r.status().error());
  a.body_sv = text::Trim(a.body_sv);
  a.body_en = text::Trim(a.body_en);
  a.id = "kb-" + a.slug;
  if (auto st = knowledge::Validate(a, known_reasons); !st) {
    Error e = st.error();
    const std::string entry = TableReader::Indexed("articles", index);
    for (auto& f : e.fields) f.field = entry + "." + f.field;
    const auto& first = e.fields.front();
    e.message = path + ":" + std::to_string(t.source().begin.line) + ": " + entry + " (" + a.slug +
                ")." + first.field.substr(entry.size() + 1) + " " + first.detail;
    return tl::unexpected(std::move(e));
  }
  return a;
}

}  // namespace

Result<std::vector<knowledge::Article>> ParseKnowledgeArticles(
    std::string_view text, const std::string& path, const std::set<std::string>* known_reasons) {
  auto parsed = ParseTomlText(text, path);
  if (!parsed) return tl::unexpected(parsed.error());
  const toml::table& root = *parsed;
  TableReader top(root, "", path);
  top.OnlyKeys({"format", "articles"});
  int format = 0;
  top.Integer("format", format);
  if (top.ok() && format != kFormat) {
    top.Problem(root.get("format"), "format", "unsupported",
                "must be " + std::to_string(kFormat) + ".");
  }
  const auto tables = top.Tables("articles", true);
  if (!top.ok()) return tl::unexpected(top.status().error());
  std::vector<knowledge::Article> out;
  std::set<std::string> slugs;
  for (std::size_t i = 0; i < tables.size(); ++i) {
    auto a = ReadArticle(*tables[i], i, path, known_reasons);
    if (!a) return tl::unexpected(a.error());
    if (!slugs.insert(a->slug).second) {
      const std::string field = TableReader::Indexed("articles", i) + ".slug";
      return Invalid(field, "duplicate",
                     path + ":" + std::to_string(tables[i]->source().begin.line) + ": " + field +
                         " \"" + a->slug + "\" is used by an earlier article.");
    }
    out.push_back(std::move(*a));
  }
  return out;
}

Result<std::vector<knowledge::Article>> ReadKnowledgeArticles(
    const std::string& path, const std::set<std::string>* known_reasons) {
  auto text = ReadFile(path);
  if (!text) return tl::unexpected(text.error());
  return ParseKnowledgeArticles(*text, path, known_reasons);
}

}  // namespace opennrm::cli
