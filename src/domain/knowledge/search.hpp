// Searching the knowledge base (hotline, issue 6 point 7): pure, over the
// articles in memory (a knowledge base holds tens of articles, not
// thousands). Case and diacritics are folded (text::Fold: "Betänketid" finds
// "betanketid"); every word of the query must occur somewhere in the article;
// a word in a title counts most, then in a tag, then in a body, so titles
// rank above tags above bodies. A hit carries a one-line snippet per language
// around the first word found, without markup. Pure and thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "domain/knowledge/article.hpp"

namespace opennrm::knowledge {

inline constexpr std::size_t kSnippetBytes = 200;

struct SearchQuery {
  std::string q;       // free words; "" matches every article
  std::string tag;     // "" or one tag the article must carry
  std::string reason;  // "" or one reason code the article must link
  bool include_archived = false;
  std::size_t limit = 50;
};

struct Hit {
  std::size_t index = 0;  // into the searched articles
  int score = 0;          // higher first; 0 for an empty query
  std::string snippet_sv;
  std::string snippet_en;
};

// The folded words of a query, in order, without duplicates.
std::vector<std::string> Terms(std::string_view q);

// The body as plain text: list markers and "**" removed, one line per
// paragraph or list item, blank lines dropped.
std::vector<std::string> PlainLines(std::string_view body);

// The first line of `body` that holds one of `terms` (folded), cut to about
// kSnippetBytes around the first word found, with "…" where it was cut;
// without terms, or when none is found, the body's opening.
std::string Snippet(std::string_view body, const std::vector<std::string>& terms);

// The articles matching `query`, best first (score, then the Swedish title
// folded); at most query.limit.
std::vector<Hit> Search(const std::vector<Article>& articles, const SearchQuery& query);

}  // namespace opennrm::knowledge
