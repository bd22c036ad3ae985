#include "domain/names/name_tokens.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace opennrm::names {
namespace {

std::vector<std::string> Texts(const TokenisedName& n) {
  std::vector<std::string> out;
  for (const auto& t : n.tokens) out.push_back(t.text);
  return out;
}

using V = std::vector<std::string>;

TEST(NameTokens, SplitsOnSpacesHyphensAndApostrophes) {
  auto n = Tokenise("jean-pierre o'brien smith");
  EXPECT_EQ(Texts(n), (V{"jean", "pierre", "o", "brien", "smith"}));
  EXPECT_EQ(n.groups, (V{"jeanpierre", "obrien", "smith"}));
  EXPECT_EQ(n.group_sizes, (std::vector<std::size_t>{2, 2, 1}));
  EXPECT_EQ(n.tokens[1].group, 0u);
  EXPECT_EQ(n.tokens[4].group, 2u);
}

TEST(NameTokens, ParticlesJoinTheWordAfterThem) {
  auto n = Tokenise("ahmed al rashid");
  EXPECT_EQ(n.groups, (V{"ahmed", "alrashid"}));
  EXPECT_EQ(n.tokens[1].role, TokenRole::kParticle);
  EXPECT_EQ(Tokenise("van der berg").groups, (V{"vanderberg"}));
  EXPECT_EQ(Tokenise("maria de la cruz").groups, (V{"maria", "delacruz"}));
  EXPECT_EQ(Tokenise("zia-ul-haq").groups, (V{"ziaulhaq"}));
}

TEST(NameTokens, JoiningPrefixesJoinButAreNotParticles) {
  auto n = Tokenise("abu bakr");
  EXPECT_EQ(n.groups, (V{"abubakr"}));
  EXPECT_EQ(n.tokens[0].role, TokenRole::kJoiningPrefix);
  EXPECT_EQ(RoleOf("abdul"), TokenRole::kJoiningPrefix);
}

TEST(NameTokens, VietnameseSurnamesAreNotParticles) {
  EXPECT_EQ(RoleOf("le"), TokenRole::kWord);
  EXPECT_EQ(RoleOf("do"), TokenRole::kWord);
  EXPECT_EQ(RoleOf("an"), TokenRole::kWord);
  auto n = Tokenise("le thi hoa");
  EXPECT_EQ(n.groups, (V{"le", "thi", "hoa"}));
  // "la" is an article only after "de".
  EXPECT_EQ(Tokenise("la thi hoa").tokens[0].role, TokenRole::kWord);
}

TEST(NameTokens, ParticleAtTheEndStandsAlone) {
  auto n = Tokenise("nguyen van");
  EXPECT_EQ(n.groups, (V{"nguyen", "van"}));
}

TEST(NameTokens, EmptyAndSeparatorOnly) {
  EXPECT_TRUE(Tokenise("").tokens.empty());
  EXPECT_TRUE(Tokenise(" - ' ").tokens.empty());
  EXPECT_EQ(Tokenise("-anna-").groups, (V{"anna"}));
}

}  // namespace
}  // namespace opennrm::names
