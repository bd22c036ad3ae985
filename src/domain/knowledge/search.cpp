#include "domain/knowledge/search.hpp"

#include <algorithm>

#include "domain/text/fold.hpp"

namespace opennrm::knowledge {

namespace {

constexpr int kTitleWeight = 100;
constexpr int kTagWeight = 40;
constexpr int kBodyWeight = 10;

std::vector<std::string> SplitSpaces(std::string_view s) {
  std::vector<std::string> out;
  std::string word;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      if (!word.empty()) out.push_back(std::move(word));
      word.clear();
    } else {
      word.push_back(c);
    }
  }
  if (!word.empty()) out.push_back(std::move(word));
  return out;
}

std::string StripBold(std::string_view line) {
  std::string out;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '*' && i + 1 < line.size() && line[i + 1] == '*') {
      ++i;
      continue;
    }
    out.push_back(line[i]);
  }
  return out;
}

// Cuts `s` to at most `max` bytes on a UTF-8 character boundary.
std::string CutUtf8(const std::string& s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

std::size_t Count(const std::string& hay, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = hay.find(needle); at != std::string::npos; at = hay.find(needle, at + 1)) ++n;
  return n;
}

bool Has(const std::vector<std::string>& words, const std::string& w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

struct Folded {
  std::string titles;
  std::vector<std::string> tags;
  std::string bodies;
  std::string title_sv;
};

Folded FoldArticle(const Article& a) {
  Folded f;
  f.title_sv = text::Fold(a.title_sv);
  f.titles = f.title_sv + " " + text::Fold(a.title_en);
  for (const auto& t : a.tags) f.tags.push_back(text::Fold(t));
  f.bodies = text::Fold(StripBold(a.body_sv)) + " " + text::Fold(StripBold(a.body_en));
  return f;
}

// 0 when a term occurs nowhere (the article does not match).
int Score(const Folded& f, const std::vector<std::string>& terms) {
  int score = 0;
  for (const auto& term : terms) {
    int best = 0;
    if (f.titles.find(term) != std::string::npos) best = kTitleWeight;
    for (const auto& tag : f.tags) {
      if (tag.find(term) != std::string::npos) best = std::max(best, kTagWeight);
    }
    const auto n = static_cast<int>(std::min<std::size_t>(Count(f.bodies, term), 5));
    if (n > 0) best = std::max(best, kBodyWeight + n);
    if (best == 0) return 0;
    score += best;
  }
  return score;
}

}  // namespace

std::vector<std::string> Terms(std::string_view q) {
  std::vector<std::string> out;
  for (auto& w : SplitSpaces(text::Fold(q))) {
    if (!Has(out, w)) out.push_back(std::move(w));
  }
  return out;
}

std::vector<std::string> PlainLines(std::string_view body) {
  std::vector<std::string> out;
  std::string pending;
  auto flush = [&] {
    auto t = text::Trim(pending);
    if (!t.empty()) out.push_back(std::move(t));
    pending.clear();
  };
  std::size_t start = 0;
  while (start <= body.size()) {
    auto end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    std::string line = text::Trim(body.substr(start, end - start));
    if (line.empty()) {
      flush();
    } else if (line.rfind("- ", 0) == 0) {
      flush();
      pending = StripBold(line.substr(2));
      flush();
    } else {
      pending += (pending.empty() ? "" : " ") + StripBold(line);
    }
    start = end + 1;
  }
  flush();
  return out;
}

std::string Snippet(std::string_view body, const std::vector<std::string>& terms) {
  const auto lines = PlainLines(body);
  if (lines.empty()) return "";
  std::size_t line_at = 0;
  std::size_t word_at = 0;
  bool found = false;
  for (std::size_t l = 0; l < lines.size() && !found && !terms.empty(); ++l) {
    const auto words = SplitSpaces(lines[l]);
    for (std::size_t w = 0; w < words.size() && !found; ++w) {
      const auto folded = text::Fold(words[w]);
      for (const auto& t : terms) {
        if (folded.find(t) != std::string::npos) {
          found = true;
          line_at = l;
          word_at = w;
          break;
        }
      }
    }
  }
  const auto words = SplitSpaces(lines[line_at]);
  const std::size_t from = word_at > 6 ? word_at - 6 : 0;
  std::string out = from > 0 ? "… " : "";
  bool cut = false;
  for (std::size_t w = from; w < words.size(); ++w) {
    if (out.size() + words[w].size() + 1 > kSnippetBytes) {
      cut = true;
      if (w == from) out += CutUtf8(words[w], kSnippetBytes - out.size());
      break;
    }
    if (w > from) out += " ";
    out += words[w];
  }
  if (cut) out += " …";
  return out;
}

std::vector<Hit> Search(const std::vector<Article>& articles, const SearchQuery& query) {
  const auto terms = Terms(query.q);
  struct Ranked {
    Hit hit;
    std::string title;
  };
  std::vector<Ranked> ranked;
  for (std::size_t i = 0; i < articles.size(); ++i) {
    const Article& a = articles[i];
    if (a.archived && !query.include_archived) continue;
    if (!query.tag.empty() && !Has(a.tags, query.tag)) continue;
    if (!query.reason.empty() && !Has(a.reasons, query.reason)) continue;
    const Folded f = FoldArticle(a);
    int score = 0;
    if (!terms.empty()) {
      score = Score(f, terms);
      if (score == 0) continue;
    }
    ranked.push_back({Hit{i, score, "", ""}, f.title_sv});
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& x, const Ranked& y) {
    if (x.hit.score != y.hit.score) return x.hit.score > y.hit.score;
    return x.title < y.title;
  });
  if (ranked.size() > query.limit) ranked.resize(query.limit);
  std::vector<Hit> out;
  for (auto& r : ranked) {
    r.hit.snippet_sv = Snippet(articles[r.hit.index].body_sv, terms);
    r.hit.snippet_en = Snippet(articles[r.hit.index].body_en, terms);
    out.push_back(std::move(r.hit));
  }
  return out;
}

}  // namespace opennrm::knowledge
