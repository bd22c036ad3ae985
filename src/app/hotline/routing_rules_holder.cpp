#include "app/hotline/routing_rules_holder.hpp"

#include <utility>

namespace opennrm::app {

namespace {

std::shared_ptr<const RoutingRulesHolder::Version> Make(hotline::RoutingRules rules,
                                                        long long loaded_at_us) {
  return std::make_shared<const RoutingRulesHolder::Version>(RoutingRulesHolder::Version{
      std::make_shared<const hotline::RoutingRules>(std::move(rules)), loaded_at_us});
}

}  // namespace

RoutingRulesHolder::RoutingRulesHolder(hotline::RoutingRules rules, long long loaded_at_us,
                                       std::string path, RoutingRulesReader reader)
    : current_(Make(std::move(rules), loaded_at_us)),
      path_(std::move(path)),
      reader_(std::move(reader)) {}

RoutingRulesHolder::Version RoutingRulesHolder::Current() const {
  std::lock_guard<std::mutex> lock(mu_);
  return *current_;
}

void RoutingRulesHolder::Replace(hotline::RoutingRules rules, long long loaded_at_us) {
  auto next = Make(std::move(rules), loaded_at_us);  // built outside the lock
  std::lock_guard<std::mutex> lock(mu_);
  current_ = std::move(next);
}

}  // namespace opennrm::app
