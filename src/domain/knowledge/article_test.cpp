#include "domain/knowledge/article.hpp"

#include <gtest/gtest.h>

#include "domain/knowledge/search.hpp"

namespace opennrm::knowledge {
namespace {

Article Sample() {
  Article a;
  a.id = "a1";
  a.slug = "betanketid";
  a.title_sv = "Betänketid för utländska medborgare";
  a.title_en = "Reflection period for foreign nationals";
  a.body_sv =
      "Socialnämnden ansöker om **betänketid** hos Migrationsverket.\n\n- 30 dagar\n- Ring 020-390 "
      "000";
  a.body_en = "Social services apply for a **reflection period**.\n\n- 30 days";
  a.tags = {"reflection-period", "residence"};
  a.reasons = {"reflection_period"};
  return a;
}

bool Names(const Status& st, const std::string& field, const std::string& rule) {
  if (st) return false;
  for (const auto& f : st.error().fields) {
    if (f.field == field && f.rule == rule) return true;
  }
  return false;
}

TEST(KnowledgeArticle, AcceptsAWellFormedArticle) { EXPECT_TRUE(Validate(Sample())); }

TEST(KnowledgeArticle, SlugIsLowerCaseWordsAndDashes) {
  EXPECT_TRUE(IsSlug("child-track-2"));
  EXPECT_FALSE(IsSlug("Child"));
  EXPECT_FALSE(IsSlug("-lead"));
  EXPECT_FALSE(IsSlug("trail-"));
  EXPECT_FALSE(IsSlug("å"));
  EXPECT_FALSE(IsSlug(std::string(81, 'a')));
  auto a = Sample();
  a.slug = "Bad Slug";
  EXPECT_TRUE(Names(Validate(a), "slug", "format"));
  a.slug = "";
  EXPECT_TRUE(Names(Validate(a), "slug", "required"));
}

TEST(KnowledgeArticle, BothLanguagesAreRequired) {
  auto a = Sample();
  a.title_en = "  ";
  a.body_sv = "";
  auto st = Validate(a);
  EXPECT_TRUE(Names(st, "title_en", "required"));
  EXPECT_TRUE(Names(st, "body_sv", "required"));
}

TEST(KnowledgeArticle, RefusesLongOrMultiLineTitlesAndBadText) {
  auto a = Sample();
  a.title_sv = std::string(kMaxTitleBytes + 1, 'x');
  a.title_en = "Two\nlines";
  a.body_en = std::string("bad \x01 byte");
  a.body_sv = std::string(kMaxBodyBytes + 1, 'y');
  auto st = Validate(a);
  EXPECT_TRUE(Names(st, "title_sv", "too_long"));
  EXPECT_TRUE(Names(st, "title_en", "one_line"));
  EXPECT_TRUE(Names(st, "body_en", "encoding"));
  EXPECT_TRUE(Names(st, "body_sv", "too_long"));
}

TEST(KnowledgeArticle, TagsAndReasonsAreWellFormedUniqueAndKnown) {
  auto a = Sample();
  a.tags = {"ok", "Not OK", "ok"};
  a.reasons = {"reflection_period", "made_up"};
  std::set<std::string> known{"reflection_period", "shelter"};
  auto st = Validate(a, &known);
  EXPECT_TRUE(Names(st, "tags[1]", "format"));
  EXPECT_TRUE(Names(st, "tags[2]", "duplicate"));
  EXPECT_TRUE(Names(st, "reasons[1]", "unknown_code"));
  EXPECT_FALSE(Names(st, "reasons[0]", "unknown_code"));
  // Without the rules at hand, only the shape is checked.
  EXPECT_FALSE(Names(Validate(a, nullptr), "reasons[1]", "unknown_code"));
  a.tags = std::vector<std::string>(kMaxTags + 1, "t");
  EXPECT_TRUE(Names(Validate(a), "tags", "too_many"));
}

TEST(KnowledgeSearch, FoldsCaseAndDiacritics) {
  auto terms = Terms("  BETÄNKETID  betänketid ");
  ASSERT_EQ(terms.size(), 1u);
  EXPECT_EQ(terms[0], "betanketid");
  std::vector<Article> all{Sample()};
  EXPECT_EQ(Search(all, {"Betanketid"}).size(), 1u);
  EXPECT_EQ(Search(all, {"MIGRATIONSVERKET"}).size(), 1u);
  EXPECT_TRUE(Search(all, {"betanketid gurka"}).empty());  // every word must occur
}

TEST(KnowledgeSearch, RanksTitleAboveTagsAboveBody) {
  Article title = Sample();
  title.id = "title";
  title.title_sv = "Bärplockare";
  title.title_en = "Berry pickers";
  title.tags = {};
  title.body_sv = "Text.";
  title.body_en = "Text.";
  Article tag = title;
  tag.id = "tag";
  tag.title_sv = "Arbete";
  tag.title_en = "Work";
  tag.tags = {"barplockare"};
  Article body = tag;
  body.id = "body";
  body.tags = {};
  body.body_sv = "Många bärplockare, bärplockare, bärplockare kommer på sommaren.";
  std::vector<Article> all{body, tag, title};
  auto hits = Search(all, {"bärplockare"});
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(all[hits[0].index].id, "title");
  EXPECT_EQ(all[hits[1].index].id, "tag");
  EXPECT_EQ(all[hits[2].index].id, "body");
  EXPECT_NE(hits[2].snippet_sv.find("bärplockare"), std::string::npos);
}

TEST(KnowledgeSearch, FiltersByTagReasonAndArchivedAndLimits) {
  Article a = Sample();
  Article b = Sample();
  b.id = "b";
  b.title_sv = "Barnspåret";
  b.tags = {"child"};
  b.reasons = {"child_protection"};
  Article c = Sample();
  c.id = "c";
  c.archived = true;
  std::vector<Article> all{a, b, c};
  EXPECT_EQ(Search(all, {}).size(), 2u);
  EXPECT_EQ(Search(all, {"", "", "", true}).size(), 3u);
  auto by_tag = Search(all, {"", "child"});
  ASSERT_EQ(by_tag.size(), 1u);
  EXPECT_EQ(all[by_tag[0].index].id, "b");
  auto by_reason = Search(all, {"", "", "reflection_period"});
  ASSERT_EQ(by_reason.size(), 1u);
  EXPECT_EQ(all[by_reason[0].index].id, "a1");
  SearchQuery one;
  one.limit = 1;
  EXPECT_EQ(Search(all, one).size(), 1u);
}

TEST(KnowledgeSearch, SnippetIsPlainAndCutAroundTheMatch) {
  auto lines = PlainLines("First **bold** line\ncontinues.\n\n- item one\n- item two\n");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "First bold line continues.");
  EXPECT_EQ(lines[1], "item one");
  EXPECT_EQ(Snippet("Intro.\n\n- ring **polisen** 114 14", Terms("polisen")),
            "ring polisen 114 14");
  EXPECT_EQ(Snippet("Intro here.\n\nOther.", {}), "Intro here.");
  std::string longer;
  for (int i = 0; i < 80; ++i) longer += "ord" + std::to_string(i) + " ";
  longer += "målet ";
  for (int i = 0; i < 80; ++i) longer += "efter" + std::to_string(i) + " ";
  auto s = Snippet(longer, Terms("malet"));
  EXPECT_EQ(s.rfind("… ", 0), 0u);
  EXPECT_NE(s.find("målet"), std::string::npos);
  EXPECT_LE(s.size(), kSnippetBytes + 8);
  EXPECT_NE(s.find(" …"), std::string::npos);
}

}  // namespace
}  // namespace opennrm::knowledge
