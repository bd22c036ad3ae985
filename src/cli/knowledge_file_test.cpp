// The knowledge-base articles the product ships (data/knowledge/articles.toml),
// read the way the server reads them: every article valid in both languages,
// every reason code given by a routing rule, every routing reason explained
// by an article, sources cited; then files that must be refused.
#include "cli/knowledge_file.hpp"

#include <gtest/gtest.h>

#include <set>

#include "cli/routing_rules_file.hpp"
#include "cli/shipped_data_test_support.hpp"

namespace opennrm::cli {
namespace {

std::set<std::string> RoutingReasons() {
  auto rules = ReadRoutingRules(testing::ShippedData("rules/routing.toml"));
  EXPECT_TRUE(rules) << (rules ? "" : rules.error().message);
  std::set<std::string> out;
  if (rules) {
    for (const auto& r : rules->rules()) out.insert(r.reason);
  }
  return out;
}

TEST(KnowledgeFile, ShippedArticlesAreValidAndLinkEveryRoutingReason) {
  const auto reasons = RoutingReasons();
  ASSERT_FALSE(reasons.empty());
  auto articles = ReadKnowledgeArticles(testing::ShippedData("knowledge/articles.toml"), &reasons);
  ASSERT_TRUE(articles) << articles.error().message;
  EXPECT_GE(articles->size(), 12u);
  std::set<std::string> linked;
  std::set<std::string> slugs;
  for (const auto& a : *articles) {
    SCOPED_TRACE(a.slug);
    EXPECT_EQ(a.id, "kb-" + a.slug);
    EXPECT_TRUE(slugs.insert(a.slug).second);
    EXPECT_FALSE(a.archived);
    EXPECT_NE(a.body_sv.find("Källor:"), std::string::npos) << "cite the sources";
    EXPECT_NE(a.body_en.find("Sources:"), std::string::npos) << "cite the sources";
    EXPECT_EQ(a.body_sv.find('<'), std::string::npos) << "no HTML";
    EXPECT_EQ(a.body_en.find('<'), std::string::npos) << "no HTML";
    // A fact marked for checking is marked in both languages.
    EXPECT_EQ(a.body_sv.find("(kontrollera)") != std::string::npos,
              a.body_en.find("(check)") != std::string::npos);
    linked.insert(a.reasons.begin(), a.reasons.end());
  }
  for (const auto& r : reasons) EXPECT_TRUE(linked.count(r)) << "no article explains " << r;
  for (const char* topic : {"immediate-danger", "reflection-period", "child-track",
                            "first-steps-social-services", "reaching-authorities",
                            "indicators-labour-exploitation", "indicators-sexual-exploitation"}) {
    EXPECT_TRUE(slugs.count(topic)) << topic;
  }
}

TEST(KnowledgeFile, RefusesBadFilesNamingTheArticle) {
  const std::string ok_article =
      "[[articles]]\nslug = \"a\"\ntitle_sv = \"T\"\ntitle_en = \"T\"\ntags = []\n"
      "reasons = []\nbody_sv = \"B\"\nbody_en = \"B\"\n";
  auto good = ParseKnowledgeArticles("format = 1\n" + ok_article, "k.toml");
  ASSERT_TRUE(good) << good.error().message;
  EXPECT_EQ(good->front().id, "kb-a");

  auto dup = ParseKnowledgeArticles("format = 1\n" + ok_article + ok_article, "k.toml");
  ASSERT_FALSE(dup);
  EXPECT_EQ(dup.error().fields.front().field, "articles[1].slug");
  EXPECT_EQ(dup.error().fields.front().rule, "duplicate");

  auto unknown =
      ParseKnowledgeArticles("format = 1\n" + ok_article + "colour = \"red\"\n", "k.toml");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().fields.front().rule, "unknown_key");

  auto missing = ParseKnowledgeArticles(
      "format = 1\n[[articles]]\nslug = \"b\"\ntitle_sv = \"T\"\ntitle_en = \"\"\n"
      "body_sv = \"B\"\nbody_en = \"B\"\n",
      "k.toml");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().fields.front().field, "articles[0].title_en");
  EXPECT_NE(missing.error().message.find("k.toml:2: articles[0] (b).title_en"), std::string::npos)
      << missing.error().message;

  std::set<std::string> known{"shelter"};
  auto reason = ParseKnowledgeArticles(
      "format = 1\n[[articles]]\nslug = \"c\"\ntitle_sv = \"T\"\ntitle_en = \"T\"\n"
      "reasons = [\"made_up\"]\nbody_sv = \"B\"\nbody_en = \"B\"\n",
      "k.toml", &known);
  ASSERT_FALSE(reason);
  EXPECT_EQ(reason.error().fields.front().field, "articles[0].reasons[0]");
  EXPECT_EQ(reason.error().fields.front().rule, "unknown_code");

  EXPECT_FALSE(ParseKnowledgeArticles("format = 2\n" + ok_article, "k.toml"));
  EXPECT_FALSE(ParseKnowledgeArticles("format = 1\n", "k.toml"));
}

}  // namespace
}  // namespace opennrm::cli
