// The auditors' API: events with filters, signed checkpoints, inclusion and consistency proofs,
// and the signing keys. Who may read what is decided in app/audit/read_access.hpp.
#include "app/audit/read_access.hpp"
#include "http/api.hpp"
#include "http/audit_dto.hpp"
#include "http/auth_guard.hpp"
#include "http/problem.hpp"

namespace opennrm::http {

namespace {

constexpr long long kMaxSize = 1LL << 62;

std::string Dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

// A time parameter, or a "format" problem naming it.
std::optional<long long> TimeQuery(const Request& req, const std::string& name, bool end_of_day,
                                   Problems& p) {
  auto text = req.Query(name);
  if (!text || text->empty()) return std::nullopt;
  auto us = ParseTimeParameter(*text, end_of_day);
  if (!us) {
    p.Add(name, "format",
          "Use an RFC 3339 date-time (2026-11-28T09:30:00Z, 2026-11-28T10:30:00+01:00) or a "
          "date (2026-11-28, in UTC).");
  }
  return us;
}

// A text filter; empty means none.
std::optional<std::string> TextQuery(const Request& req, const std::string& name) {
  auto v = req.Query(name);
  if (!v || v->empty()) return std::nullopt;
  return v;
}

// The filters of GET /audit/events; problems name each bad parameter.
app::audit::EventQuery EventQueryOf(const Request& req, Problems& p) {
  app::audit::EventQuery q;
  q.from_us = TimeQuery(req, "from", false, p);
  q.to_us = TimeQuery(req, "to", true, p);
  q.actor = TextQuery(req, "actor");
  q.action = TextQuery(req, "action");
  q.object_type = TextQuery(req, "object_type");
  q.object_id = TextQuery(req, "object_id");
  q.organisation_id = TextQuery(req, "organisation_id");
  q.limit = static_cast<int>(req.IntQuery("limit", 50, 1, app::audit::kMaxEventsPerPage, p));
  q.offset = static_cast<int>(req.IntQuery("offset", 0, 0, 1'000'000'000, p));
  return q;
}

// A required size or sequence number.
uint64_t RequiredCount(const Request& req, const std::string& name, long long min, Problems& p) {
  if (!req.Query(name)) {
    p.Add(name, "required", "Give " + name + ".");
    return 0;
  }
  return static_cast<uint64_t>(req.IntQuery(name, 0, min, kMaxSize, p));
}

}  // namespace

void AddAuditRoutes(Router& router, const app::Context& ctx) {
  const app::Context* c = &ctx;

  router.Add({"GET",
              "/api/v1/audit/events",
              [c](const Request& req) {
                Problems p;
                app::audit::EventQuery q = EventQueryOf(req, p);
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                auto page = app::audit::ReadEvents(*c, CallerOf(req), q, ClientOf(req));
                if (!page) return ProblemResponse(page.error(), req);
                Json items = Json::array();
                for (const auto& e : page->items) items.push_back(LoggedEventJson(e));
                return JsonResponse(Dump(Json{{"items", std::move(items)},
                                              {"total", page->total},
                                              {"limit", q.limit},
                                              {"offset", q.offset}}));
              },
              0,
              {"from", "to", "actor", "action", "object_type", "object_id", "organisation_id",
               "limit", "offset"}});

  router.Add({"GET",
              "/api/v1/audit/checkpoints",
              [c](const Request& req) {
                Problems p;
                int limit = static_cast<int>(
                    req.IntQuery("limit", 50, 1, app::audit::kMaxCheckpointsPerPage, p));
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                auto list = app::audit::ReadCheckpoints(*c, CallerOf(req), limit);
                if (!list) return ProblemResponse(list.error(), req);
                Json items = Json::array();
                for (const auto& cp : *list) items.push_back(CheckpointJson(cp));
                return JsonResponse(Dump(Json{{"items", std::move(items)}}));
              },
              0,
              {"limit"}});

  router.Add({"GET", "/api/v1/audit/checkpoints/latest", [c](const Request& req) {
                auto cp = app::audit::ReadLatestCheckpoint(*c, CallerOf(req));
                if (!cp) return ProblemResponse(cp.error(), req);
                return JsonResponse(Dump(CheckpointJson(*cp)));
              }});

  router.Add({"GET",
              "/api/v1/audit/proofs/inclusion",
              [c](const Request& req) {
                Problems p;
                uint64_t seq = RequiredCount(req, "seq", 0, p);
                auto size = static_cast<uint64_t>(req.IntQuery("size", 0, 1, kMaxSize, p));
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                auto proof = app::audit::ReadInclusionProof(*c, CallerOf(req), seq, size);
                if (!proof) return ProblemResponse(proof.error(), req);
                return JsonResponse(Dump(InclusionProofJson(*proof)));
              },
              0,
              {"seq", "size"}});

  router.Add({"GET",
              "/api/v1/audit/proofs/consistency",
              [c](const Request& req) {
                Problems p;
                uint64_t from = RequiredCount(req, "from", 0, p);
                auto to = static_cast<uint64_t>(req.IntQuery("to", 0, 1, kMaxSize, p));
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                auto proof = app::audit::ReadConsistencyProof(*c, CallerOf(req), from, to);
                if (!proof) return ProblemResponse(proof.error(), req);
                return JsonResponse(Dump(ConsistencyProofJson(*proof)));
              },
              0,
              {"from", "to"}});

  router.Add({"GET", "/api/v1/audit/public-keys", [c](const Request& req) {
                auto keys = app::audit::ReadPublicKeys(*c, CallerOf(req));
                if (!keys) return ProblemResponse(keys.error(), req);
                Json items = Json::array();
                for (const auto& k : *keys) items.push_back(AuditKeyJson(k));
                return JsonResponse(Dump(Json{{"items", std::move(items)}}));
              }});
}

}  // namespace opennrm::http
