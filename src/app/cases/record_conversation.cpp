// Conversations with a person and the consents they gave or declined, each
// with the language used and the interpreter, if any.
#include "app/cases/record_store.hpp"

namespace opennrm::app {

using namespace case_internal;

namespace {

void InterpreterDetails(const std::optional<cases::Interpreter>& i,
                        std::vector<std::pair<std::string, std::string>>& details) {
  if (!i) {
    details.push_back({"interpreter", "none"});
    return;
  }
  details.push_back({"interpreter", std::string(cases::ToString(i->relationship))});
  details.push_back({"interpreting", std::string(cases::ToString(i->mode))});
  details.push_back({"interpreter_language", i->language});
}

}  // namespace

Result<RecordView<cases::Conversation>> AddConversation(const Context& ctx, const Caller& caller,
                                                        const RecordPlace& at,
                                                        cases::Conversation input,
                                                        const ClientInfo& client) {
  auto target = LoadForWrite(ctx, caller, at, kConversationKind, client);
  if (!target) return tl::unexpected(target.error());
  if (input.held_by.empty()) input.held_by = caller.actor.user_id;
  auto person = OpenPerson(ctx, *target->person);
  if (!person) return tl::unexpected(person.error());
  Problems p;
  cases::CheckConversation(input, *person, target->lookups, target->today, "", p);
  if (auto st = CheckUser(ctx, target->loaded.row.organisation_id, input.held_by, "held_by", p);
      !st) {
    return tl::unexpected(st.error());
  }
  if (auto st = p.ToStatus("The conversation breaks one or more rules."); !st) {
    return tl::unexpected(st.error());
  }
  RecordWrite w{ctx.codec->EncodeConversation(input),
                "",
                {{"held_on", FormatIsoDate(input.held_on)}, {"language", input.language}},
                {}};
  InterpreterDetails(input.interpreter, w.details);
  auto saved = SaveRecord(ctx, caller, *target, kConversationKind, std::move(w), client);
  if (!saved) return tl::unexpected(saved.error());
  return RecordView<cases::Conversation>{*saved, std::move(input)};
}

Result<std::vector<RecordView<cases::Conversation>>> ListConversations(const Context& ctx,
                                                                       const Caller& caller,
                                                                       const RecordPlace& at,
                                                                       const ClientInfo& client) {
  auto rows = ReadVersions(ctx, caller, at, kConversationKind, client);
  if (!rows) return tl::unexpected(rows.error());
  return ListOf<cases::Conversation>(
      ctx, *rows, [&](std::string_view b) { return ctx.codec->DecodeConversation(b); });
}

Result<RecordView<ports::ConsentBody>> AddConsent(const Context& ctx, const Caller& caller,
                                                  const RecordPlace& at, ports::ConsentBody input,
                                                  const ClientInfo& client) {
  auto target = LoadForWrite(ctx, caller, at, kConsentKind, client);
  if (!target) return tl::unexpected(target.error());
  if (input.taking.taken_by.empty()) input.taking.taken_by = caller.actor.user_id;
  auto person = OpenPerson(ctx, *target->person);
  if (!person) return tl::unexpected(person.error());
  Problems p;
  cases::CheckConsentTaking(input.taking, *person, target->lookups, target->today, "", p);
  if (auto st =
          CheckUser(ctx, target->loaded.row.organisation_id, input.taking.taken_by, "taken_by", p);
      !st) {
    return tl::unexpected(st.error());
  }
  if (auto st = p.ToStatus("The consent breaks one or more rules."); !st) {
    return tl::unexpected(st.error());
  }
  // A declined consent is kept too, but satisfies no step.
  RecordWrite w{ctx.codec->EncodeConsent(input),
                input.given ? "consent_recorded" : "",
                {{"taken_on", FormatIsoDate(input.taking.taken_on)},
                 {"given", input.given ? "yes" : "no"},
                 {"language", input.taking.language}},
                {}};
  InterpreterDetails(input.taking.interpreter, w.details);
  auto saved = SaveRecord(ctx, caller, *target, kConsentKind, std::move(w), client);
  if (!saved) return tl::unexpected(saved.error());
  return RecordView<ports::ConsentBody>{*saved, std::move(input)};
}

Result<std::vector<RecordView<ports::ConsentBody>>> ListConsents(const Context& ctx,
                                                                 const Caller& caller,
                                                                 const RecordPlace& at,
                                                                 const ClientInfo& client) {
  auto rows = ReadVersions(ctx, caller, at, kConsentKind, client);
  if (!rows) return tl::unexpected(rows.error());
  return ListOf<ports::ConsentBody>(
      ctx, *rows, [&](std::string_view b) { return ctx.codec->DecodeConsent(b); });
}

}  // namespace opennrm::app
