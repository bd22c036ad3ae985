// ExportCase (export.hpp): team only, social-services cases only; reads
// every section in one read unit of work, opens sealed text outside it, and
// audits the export (purpose "export") before returning it.
#include "app/cases/export.hpp"

#include <set>

#include "app/auth/internal.hpp"
#include "app/cases/export_sections.hpp"
#include "app/cases/note_support.hpp"

namespace opennrm::app {

using namespace auth_internal;
using namespace case_internal;

Result<CaseExport> ExportCase(const Context& ctx, const Caller& caller, const std::string& case_id,
                              const ClientInfo& client) {
  if (auto st = RequireUser(caller); !st) return tl::unexpected(st.error());
  std::optional<LoadedCase> loaded;
  std::vector<SourceSection> sources;
  CaseExport out;
  std::map<std::string, std::string> names;
  {
    auto uow = ctx.db.Begin(ports::Access::kRead);
    if (!uow) return tl::unexpected(uow.error());
    auto l = LoadForTeam(*uow, ctx, caller, case_id, access::Action::kRecordRead, "case.exported",
                         "Only the case's team exports it.", client.request_id);
    if (!l) return tl::unexpected(l.error());
    loaded = std::move(*l);
    if (loaded->resource.owner_kind != orgs::Kind::kMunicipalSocialServices) {
      uow->reset();
      return tl::unexpected(AuditDenied(ctx, caller, "case.exported", case_id,
                                        loaded->row.organisation_id,
                                        Forbidden("not-social-services",
                                                  "Only cases kept by municipal social services "
                                                  "are exported for the municipality's case file.")
                                            .value(),
                                        client.request_id));
    }
    auto org = (*uow)->organisations().Find(loaded->row.organisation_id);
    if (!org) return tl::unexpected(org.error());
    if (*org) out.organisation_name = (*org)->data.name;
    ExportSource source{**uow, ctx, *loaded, {}};
    auto persons = (*uow)->persons().OfCase(case_id);
    if (!persons) return tl::unexpected(persons.error());
    for (const auto& p : *persons) source.person_codes[p.person.id] = p.person.code;
    std::set<std::string> authors;
    for (auto build : ExportSectionBuilders()) {
      auto section = build(source);
      if (!section) return tl::unexpected(section.error());
      for (const auto& item : section->items) authors.insert(item.author_id);
      sources.push_back(std::move(*section));
    }
    auto named = DisplayNames(**uow, authors);
    if (!named) return tl::unexpected(named.error());
    names = std::move(*named);
  }
  out.summary = SummaryOf(loaded->row);
  out.exported_by = caller.user ? caller.user->display_name : "";
  out.exported_at_us = NowUs(ctx);
  std::set<std::string> sections;
  for (auto& source : sources) {
    ExportSection section{source.name, {}};
    for (auto& si : source.items) {
      if (si.sealed_text) {
        auto text = Security(ctx).cipher.Open(si.sealed_text->first, si.sealed_text->second);
        if (!text) return Internal("A sealed part of the case could not be opened.");
        si.item.text = std::move(*text);
      }
      si.item.by = names[si.author_id];
      section.items.push_back(std::move(si.item));
    }
    sections.insert(source.sections.begin(), source.sections.end());
    out.sections.push_back(std::move(section));
  }
  ::opennrm::audit::Event e =
      EventOf(ctx, caller.actor, "case.exported", "allowed", client.request_id);
  auto object = Object("case", case_id, loaded->row.organisation_id);
  object.sections.assign(sections.begin(), sections.end());
  e.objects.push_back(std::move(object));
  e.purpose = "export";
  // Durable before the export is returned.
  if (auto st = Audit(ctx, std::move(e)); !st) return tl::unexpected(st.error());
  return out;
}

}  // namespace opennrm::app
