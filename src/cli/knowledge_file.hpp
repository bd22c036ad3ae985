// Reads the knowledge-base articles the product ships
// (data/knowledge/articles.toml, described in its header) into
// knowledge::Article values, each checked with knowledge::Validate and given
// the stable id "kb-<slug>". Strict: unknown keys, duplicate slugs and
// malformed articles are refused, naming the file, the line and the article
// ("articles[3] (child-track).title_en"). Thread-safety: stateless.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "domain/knowledge/article.hpp"

namespace opennrm::cli {

// The articles in the file at `path`; when `known_reasons` is given every
// reason code must be in it. kInvalid whose message starts "<path>:<line>:".
Result<std::vector<knowledge::Article>> ReadKnowledgeArticles(
    const std::string& path, const std::set<std::string>* known_reasons = nullptr);
// The same, from text already read; `path` only names it in errors.
Result<std::vector<knowledge::Article>> ParseKnowledgeArticles(
    std::string_view text, const std::string& path,
    const std::set<std::string>* known_reasons = nullptr);

}  // namespace opennrm::cli
