#include "domain/cases/conversation.hpp"

#include <gtest/gtest.h>

#include "domain/cases/cases_test_support.hpp"

namespace opennrm::cases {
namespace {

using testing::Rules;

constexpr CivilDate kToday{2026, 3, 15};

Person Speaker() {
  Person p;
  p.languages = {"ron", "eng"};
  return p;
}

Conversation Good() {
  return {{2026, 3, 14},
          "u-1",
          "swe",
          Interpreter{"ron", InterpretingMode::kRemote, InterpreterRelationship::kProfessional,
                      "Tolkförmedlingen (synthetic)"},
          "First meeting; safety discussed."};
}

std::vector<std::string> Check(const Conversation& c) {
  Problems p;
  CheckConversation(c, Speaker(), testing::TestLookups(), kToday, "conversation", p);
  return Rules(p);
}

TEST(Interpreter, RefusesAFamilyMemberOrCompanion) {
  for (auto rel : {InterpreterRelationship::kFamilyMember, InterpreterRelationship::kCompanion}) {
    Problems p;
    CheckInterpreter({"ron", InterpretingMode::kInPerson, rel, ""}, testing::TestLookups(),
                     "interpreter", p);
    EXPECT_EQ(Rules(p),
              std::vector<std::string>{"interpreter.relationship/interpreter_family_or_companion"});
  }
  for (auto rel : {InterpreterRelationship::kProfessional, InterpreterRelationship::kStaff,
                   InterpreterRelationship::kOther}) {
    Problems p;
    CheckInterpreter({"ron", InterpretingMode::kInPerson, rel, ""}, testing::TestLookups(),
                     "interpreter", p);
    EXPECT_TRUE(p.empty()) << ToString(rel);
  }
}

TEST(Interpreter, NamesRoundTrip) {
  EXPECT_EQ(ParseInterpretingMode("in_person"), InterpretingMode::kInPerson);
  EXPECT_EQ(ParseInterpretingMode("remote"), InterpretingMode::kRemote);
  EXPECT_EQ(ParseInterpreterRelationship("family_member"), InterpreterRelationship::kFamilyMember);
  EXPECT_EQ(ToString(InterpreterRelationship::kCompanion), "companion");
  EXPECT_FALSE(ParseInterpreterRelationship("friend"));
}

TEST(Conversation, AcceptsAnInterpretedConversation) { EXPECT_TRUE(Check(Good()).empty()); }

TEST(Conversation, WithoutInterpreterThePersonMustUnderstandTheLanguage) {
  auto c = Good();
  c.interpreter.reset();
  EXPECT_EQ(Check(c), std::vector<std::string>{"conversation.language/language_not_understood"});
  c.language = "eng";
  EXPECT_TRUE(Check(c).empty());
}

TEST(Conversation, TheInterpreterSpeaksALanguageThePersonUnderstands) {
  auto c = Good();
  c.interpreter->language = "bul";
  EXPECT_EQ(Check(c),
            std::vector<std::string>{"conversation.interpreter.language/language_not_understood"});
}

TEST(Conversation, UnknownLanguagesAndMissingFields) {
  auto c = Good();
  c.language = "xx";
  c.interpreter->language = "zzz";
  c.held_by = "";
  c.held_on = {2026, 3, 16};
  auto rules = Check(c);
  EXPECT_TRUE(testing::HasRule(rules, "conversation.held_by/required"));
  EXPECT_TRUE(testing::HasRule(rules, "conversation.held_on/not_future"));
  EXPECT_TRUE(testing::HasRule(rules, "conversation.language/unknown_language"));
  EXPECT_TRUE(testing::HasRule(rules, "conversation.interpreter.language/unknown_language"));
}

TEST(ConsentTaking, IsTakenInALanguageThePersonUnderstands) {
  ConsentTaking c{"Contact the regional coordinator", {2026, 3, 14}, "u-1", "swe", std::nullopt};
  Problems p;
  CheckConsentTaking(c, Speaker(), testing::TestLookups(), kToday, "consent", p);
  EXPECT_EQ(Rules(p), std::vector<std::string>{"consent.language/language_not_understood"});
  c.interpreter =
      Interpreter{"ron", InterpretingMode::kInPerson, InterpreterRelationship::kCompanion, ""};
  Problems q;
  CheckConsentTaking(c, Speaker(), testing::TestLookups(), kToday, "consent", q);
  EXPECT_EQ(Rules(q), std::vector<std::string>{"consent.interpreter.relationship/"
                                               "interpreter_family_or_companion"});
  c.interpreter->relationship = InterpreterRelationship::kProfessional;
  Problems r;
  CheckConsentTaking(c, Speaker(), testing::TestLookups(), kToday, "consent", r);
  EXPECT_TRUE(r.empty());
}

}  // namespace
}  // namespace opennrm::cases
