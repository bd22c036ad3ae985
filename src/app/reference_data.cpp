#include "app/reference_data.hpp"

namespace opennrm::app {

namespace {

Result<std::shared_ptr<const Reference>> Build(ports::ReferenceData data) {
  auto geography = geo::Geography::Build(std::move(data.geography));
  if (!geography) return tl::unexpected(geography.error());
  auto catalogs = ref::Catalogs::Build(std::move(data.countries), std::move(data.languages),
                                       std::move(data.services));
  if (!catalogs) return tl::unexpected(catalogs.error());
  return std::make_shared<const Reference>(Reference{std::move(*geography), std::move(*catalogs)});
}

}  // namespace

Result<ImportOutcome> ImportReferenceData(ports::Database& db, const ports::ReferenceData& data,
                                          const std::string& fingerprint) {
  auto checked = Build(data);
  if (!checked) return tl::unexpected(checked.error());
  ImportOutcome outcome{false, data.geography.municipalities.size(), data.countries.size(),
                        data.languages.size()};
  auto uow = db.Begin(ports::Access::kWrite);
  if (!uow) return tl::unexpected(uow.error());
  auto stored = (*uow)->reference().Fingerprint();
  if (!stored) return tl::unexpected(stored.error());
  if (*stored == fingerprint) return outcome;
  if (auto st = (*uow)->reference().Replace(data); !st) return tl::unexpected(st.error());
  if (auto st = (*uow)->reference().SetFingerprint(fingerprint); !st)
    return tl::unexpected(st.error());
  if (auto st = (*uow)->Commit(); !st) return tl::unexpected(st.error());
  outcome.changed = true;
  return outcome;
}

Result<std::shared_ptr<const Reference>> LoadReference(ports::Database& db) {
  auto uow = db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto data = (*uow)->reference().Load();
  if (!data) return tl::unexpected(data.error());
  if (data->geography.municipalities.empty()) {
    return Fail(ErrorCode::kUnavailable,
                "No reference data in the database; run `opennrm migrate` first.");
  }
  return Build(std::move(*data));
}

}  // namespace opennrm::app
