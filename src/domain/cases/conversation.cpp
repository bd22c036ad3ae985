#include "domain/cases/conversation.hpp"

#include "domain/cases/checks.hpp"
#include "domain/cases/enum_names.hpp"

namespace opennrm::cases {

namespace {

using detail::Path;
using N = std::string_view;

constexpr auto kModes =
    detail::MakeNames<InterpretingMode>(std::pair{InterpretingMode::kInPerson, N("in_person")},
                                        std::pair{InterpretingMode::kRemote, N("remote")});

constexpr auto kRelationships = detail::MakeNames<InterpreterRelationship>(
    std::pair{InterpreterRelationship::kProfessional, N("professional")},
    std::pair{InterpreterRelationship::kStaff, N("staff")},
    std::pair{InterpreterRelationship::kFamilyMember, N("family_member")},
    std::pair{InterpreterRelationship::kCompanion, N("companion")},
    std::pair{InterpreterRelationship::kOther, N("other")});

void CheckLanguage(const std::string& language, const Lookups& lookups, const std::string& field,
                   Problems& p) {
  if (!Knows(lookups.is_language, language)) {
    p.Add(field, "unknown_language", "'" + language + "' is not a known language code.");
  }
}

}  // namespace

std::string_view ToString(InterpretingMode mode) { return kModes.Name(mode); }
std::optional<InterpretingMode> ParseInterpretingMode(std::string_view text) {
  return kModes.Parse(text);
}

std::string_view ToString(InterpreterRelationship relationship) {
  return kRelationships.Name(relationship);
}
std::optional<InterpreterRelationship> ParseInterpreterRelationship(std::string_view text) {
  return kRelationships.Parse(text);
}

void CheckInterpreter(const Interpreter& interpreter, const Lookups& lookups,
                      const std::string& path, Problems& p) {
  CheckLanguage(interpreter.language, lookups, Path(path, "language"), p);
  if (interpreter.relationship == InterpreterRelationship::kFamilyMember ||
      interpreter.relationship == InterpreterRelationship::kCompanion) {
    p.Add(Path(path, "relationship"), "interpreter_family_or_companion",
          "A family member or companion of the person may not interpret; book an "
          "interpreter.");
  }
  detail::CheckText(p, Path(path, "provider"), interpreter.provider, detail::kMaxShortText, false);
}

void CheckUnderstood(const Person& person, const std::string& language,
                     const std::optional<Interpreter>& interpreter, const std::string& path,
                     Problems& p) {
  if (interpreter) {
    if (!Understands(person, interpreter->language)) {
      p.Add(Path(Path(path, "interpreter"), "language"), "language_not_understood",
            "The person's languages do not include the interpreter's language.");
    }
    return;
  }
  if (!Understands(person, language)) {
    p.Add(Path(path, "language"), "language_not_understood",
          "The person's languages do not include this language: use an interpreter.");
  }
}

void CheckConversation(const Conversation& c, const Person& person, const Lookups& lookups,
                       CivilDate today, const std::string& path, Problems& p) {
  if (c.held_by.empty()) p.Add(Path(path, "held_by"), "required", "Who held the conversation.");
  detail::CheckNotFuture(p, Path(path, "held_on"), c.held_on, today);
  CheckLanguage(c.language, lookups, Path(path, "language"), p);
  if (c.interpreter) CheckInterpreter(*c.interpreter, lookups, Path(path, "interpreter"), p);
  CheckUnderstood(person, c.language, c.interpreter, path, p);
  detail::CheckText(p, Path(path, "summary"), c.summary, detail::kMaxLongText, false);
}

void CheckConsentTaking(const ConsentTaking& c, const Person& person, const Lookups& lookups,
                        CivilDate today, const std::string& path, Problems& p) {
  detail::CheckText(p, Path(path, "purpose"), c.purpose, detail::kMaxShortText * 2, true);
  if (c.taken_by.empty()) p.Add(Path(path, "taken_by"), "required", "Who took the consent.");
  detail::CheckNotFuture(p, Path(path, "taken_on"), c.taken_on, today);
  CheckLanguage(c.language, lookups, Path(path, "language"), p);
  if (c.interpreter) CheckInterpreter(*c.interpreter, lookups, Path(path, "interpreter"), p);
  CheckUnderstood(person, c.language, c.interpreter, path, p);
}

}  // namespace opennrm::cases
