// Writes a planned demo case through the application's use cases, as the
// slot's demo user — never by SQL — so that every rule, seal, audit event and
// name index applies as it does for a person at a browser. Applies what the
// application supports today (the case and its type, its persons); the rest
// of the plan waits at the extension points marked "DEMO EXTENSION" in
// writer.cpp. Thread-safe: Write may run on several threads at once (each
// use case opens its own units of work).
#pragma once

#include <string>
#include <vector>

#include "app/context.hpp"
#include "cli/demo/actors.hpp"
#include "cli/demo/case_plan.hpp"

namespace opennrm::cli::demo {

struct WrittenCase {
  std::string case_id;
  int persons = 0;
};

class DemoWriter {
 public:
  // REQUIRES: `actors` has one actor per slot the plans use; ctx and actors outlive the writer.
  DemoWriter(const app::Context& ctx, const std::vector<Actor>& actors)
      : ctx_(ctx), actors_(actors) {}

  // The case written; the first error of a use case otherwise (the case may
  // then exist with fewer persons than planned).
  Result<WrittenCase> Write(const CasePlan& plan) const;

 private:
  const app::Context& ctx_;
  const std::vector<Actor>& actors_;
};

}  // namespace opennrm::cli::demo
