// Which requests run on the slow lane (docs/adr/0014-audit-journal-and-request-lanes.md).
//
// The server has two pools of request threads: a small quick lane (about two threads per core,
// server.workers) for requests that do a bounded amount of work — read a record, list a page,
// search, save a small change — and a slow lane (server.slow_workers) for those that may hold a
// thread for long: hashing a password (Argon2id), building a document or a file, moving an
// attachment, sealing or opening a referral package, aggregating statistics, proofs over the
// whole audit log. With few quick threads a request runs to its end instead of sharing the cores
// with dozens of others, and a handful of slow requests can never hold up every quick one.
#pragma once

#include <string>
#include <vector>

#include "http/router.hpp"

namespace opennrm::http {

struct SlowRoute {
  const char* method;
  const char* pattern;
  const char* why;
};

// The routes on the slow lane; every other route is on the quick lane.
const std::vector<SlowRoute>& SlowRoutes();

// Puts SlowRoutes() on the slow lane. Returns "METHOD pattern" of each listed route the router
// does not have (a route renamed without this list); the server refuses to start then.
std::vector<std::string> AssignLanes(Router& router);

}  // namespace opennrm::http
