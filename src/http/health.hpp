// Liveness (/healthz), readiness (/readyz: the database answers) and
// Prometheus metrics (/metrics, configurable).
#pragma once

#include "http/metrics.hpp"
#include "http/router.hpp"
#include "ports/database.hpp"

namespace opennrm::http {

void AddHealthRoutes(Router& router, ports::Database& db, Metrics& metrics, bool expose_metrics);

}  // namespace opennrm::http
