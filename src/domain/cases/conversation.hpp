// Conversations with a person, and how they were made understandable: every
// conversation records its language and the interpreter used, if any. A
// family member or a companion of the person is never the interpreter: they
// may be the exploiter, or silence the person (rule
// "interpreter_family_or_companion"). Consent is taken the same way, in a
// language the person understands. Plain values; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/error.hpp"
#include "domain/cases/lookups.hpp"
#include "domain/cases/person.hpp"

namespace opennrm::cases {

enum class InterpretingMode { kInPerson, kRemote };
std::string_view ToString(InterpretingMode mode);
std::optional<InterpretingMode> ParseInterpretingMode(std::string_view text);

enum class InterpreterRelationship {
  kProfessional,  // an authorised or agency interpreter
  kStaff,         // a bilingual member of staff
  kFamilyMember,  // refused
  kCompanion,     // whoever came with the person: refused
  kOther,
};
std::string_view ToString(InterpreterRelationship relationship);
std::optional<InterpreterRelationship> ParseInterpreterRelationship(std::string_view text);

struct Interpreter {
  std::string language;  // ISO 639-3: the language interpreted into, for the person
  InterpretingMode mode = InterpretingMode::kInPerson;
  InterpreterRelationship relationship = InterpreterRelationship::kProfessional;
  std::string provider;  // agency or name as the organisation records it; may be empty
};

struct Conversation {
  CivilDate held_on;
  std::string held_by;   // user id
  std::string language;  // ISO 639-3: the language spoken with the person
  std::optional<Interpreter> interpreter;
  std::string summary;
};

// The consent the person gave for something (e.g. contacting the regional
// coordinator), and how it was made understandable.
struct ConsentTaking {
  std::string purpose;
  CivilDate taken_on;
  std::string taken_by;  // user id
  std::string language;  // ISO 639-3
  std::optional<Interpreter> interpreter;
};

// Adds "unknown_language" and "interpreter_family_or_companion" under
// `path` (e.g. "interpreter.relationship").
void CheckInterpreter(const Interpreter& interpreter, const Lookups& lookups,
                      const std::string& path, Problems& problems);

// Adds "language_not_understood" on "path.language" (or
// "path.interpreter.language") unless the person understands the language
// spoken, or the interpreter's language.
void CheckUnderstood(const Person& person, const std::string& language,
                     const std::optional<Interpreter>& interpreter, const std::string& path,
                     Problems& problems);

// Every rule of a conversation with `person`, under `path`.
void CheckConversation(const Conversation& conversation, const Person& person,
                       const Lookups& lookups, CivilDate today, const std::string& path,
                       Problems& problems);
// Every rule of a consent taken from `person`, under `path`.
void CheckConsentTaking(const ConsentTaking& consent, const Person& person, const Lookups& lookups,
                        CivilDate today, const std::string& path, Problems& problems);

}  // namespace opennrm::cases
