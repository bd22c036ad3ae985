#include "app/directory_cache.hpp"

namespace opennrm::app {

Result<DirectoryCache::Snapshot> DirectoryCache::Active(ports::Database& db) {
  auto uow = db.Begin(ports::Access::kRead);
  if (!uow) return tl::unexpected(uow.error());
  auto version = (*uow)->organisations().DirectoryVersion();
  if (!version) return tl::unexpected(version.error());
  {
    std::lock_guard lock(mu_);
    if (*version == version_ && active_) return active_;
  }
  ports::OrganisationFilter all;
  all.active = true;
  all.limit = 1000000;
  all.count_total = false;
  auto page = (*uow)->organisations().List(all);
  if (!page) return tl::unexpected(page.error());
  auto snapshot = std::make_shared<const std::vector<orgs::Organisation>>(std::move(page->items));
  std::lock_guard lock(mu_);
  // Keep the newest: another thread may have loaded a later version meanwhile.
  if (*version >= version_) {
    version_ = *version;
    active_ = snapshot;
  }
  return snapshot;
}

}  // namespace opennrm::app
