#include "app/cases/export_sections.hpp"

#include <algorithm>
#include <set>

#include "app/cases/note_support.hpp"

namespace opennrm::app::case_internal {

namespace {

constexpr int kPage = 100;

void AddPerson(ExportSource& s, const std::string& person_id, ExportItem& item) {
  if (person_id.empty()) return;
  auto it = s.person_codes.find(person_id);
  item.details.emplace_back("person", it == s.person_codes.end() ? person_id : it->second);
}

Result<SourceSection> Notes(ExportSource& s) {
  SourceSection out{"notes", {}, {"notes"}};
  const std::string& case_id = s.loaded.row.id;
  for (int offset = 0;; offset += kPage) {
    auto page = s.uow.case_notes().Notes(case_id, kPage, offset);
    if (!page) return tl::unexpected(page.error());
    for (auto& row : page->items) {
      SourceItem si;
      si.item.id = row.id;
      si.item.at_us = row.created_at_us;
      si.item.kind = row.corrects_id.empty() ? "note" : "correction";
      if (!row.corrects_id.empty()) si.item.details.emplace_back("corrects", row.corrects_id);
      AddPerson(s, row.person_id, si.item);
      si.author_id = row.created_by;
      si.sealed_text.emplace(NoteBodyAt(row.organisation_id, row.id), std::move(row.body_sealed));
      out.items.push_back(std::move(si));
    }
    if (page->items.size() < static_cast<size_t>(kPage)) break;
  }
  std::reverse(out.items.begin(), out.items.end());  // oldest first
  return out;
}

Result<SourceSection> Attachments(ExportSource& s) {
  SourceSection out{"attachments", {}, {"notes"}};
  for (int offset = 0;; offset += kPage) {
    auto page = s.uow.case_notes().Attachments(s.loaded.row.id, kPage, offset);
    if (!page) return tl::unexpected(page.error());
    for (auto& row : page->items) {
      SourceItem si;
      si.item.id = row.id;
      si.item.at_us = row.created_at_us;
      si.item.kind = "attachment";
      si.item.details.emplace_back("media_type", row.media_type);
      si.item.details.emplace_back("size_bytes", std::to_string(row.size_bytes));
      si.author_id = row.created_by;
      si.sealed_text.emplace(AttachmentNameAt(row.organisation_id, row.id),
                             std::move(row.name_sealed));
      out.items.push_back(std::move(si));
    }
    if (page->items.size() < static_cast<size_t>(kPage)) break;
  }
  std::reverse(out.items.begin(), out.items.end());
  return out;
}

Result<SourceSection> Timeline(ExportSource& s) {
  SourceSection out{"timeline", {}, {}};
  std::set<std::string> sections;
  for (int offset = 0;; offset += kPage) {
    auto page = s.uow.case_log().Entries(s.loaded.row.id, kPage, offset);
    if (!page) return tl::unexpected(page.error());
    for (auto& entry : page->items) {
      // Built in place: g++ 12 at -O2 warns (maybe-uninitialized) on moving
      // a SourceItem whose optional was never set.
      SourceItem& si = out.items.emplace_back();
      si.item.id = entry.id;
      si.item.at_us = entry.recorded_at_us;
      si.item.kind = entry.kind;
      si.item.details.emplace_back("section", entry.section);
      AddPerson(s, entry.person_id, si.item);
      for (auto& d : entry.details) si.item.details.push_back(std::move(d));
      si.author_id = entry.recorded_by;
      sections.insert(entry.section);
    }
    if (page->items.size() < static_cast<size_t>(kPage)) break;
  }
  out.sections.assign(sections.begin(), sections.end());
  return out;
}

}  // namespace

const std::vector<SectionBuilder>& ExportSectionBuilders() {
  static const std::vector<SectionBuilder> kBuilders{&Notes, &Attachments, &Timeline};
  return kBuilders;
}

}  // namespace opennrm::app::case_internal
