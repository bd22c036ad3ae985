// Referrals as recorded disclosures (app/referrals/referrals.hpp): the rules
// the referral dialog offers, sending from a case and the case's sent list,
// the recipient's inbox, one referral, its package, and the steps (accept,
// decline, withdraw, complete). Thin: read the body or query (presence and
// types; codes and rules are the use cases'), call the use case, write JSON
// (http/referral_dto.hpp).
#include "app/referrals/referrals.hpp"
#include "http/api.hpp"
#include "http/auth_guard.hpp"
#include "http/json_body.hpp"
#include "http/problem.hpp"
#include "http/referral_dto.hpp"

namespace opennrm::http {

namespace {

Response ReferralResponse(const Result<app::ReferralView>& v, const Request& req,
                          int status = 200) {
  if (!v) return ProblemResponse(v.error(), req);
  return JsonAnswer(ReferralJson(*v), status);
}

const std::string& IdOf(const Request& req) { return req.path_params.at("id"); }

}  // namespace

void AddReferralRoutes(Router& router, const app::Context& ctx) {
  const app::Context* c = &ctx;

  router.Add({"GET", "/api/v1/referral-rules", [c](const Request& req) {
                auto rules = app::ReferralRules(*c, CallerOf(req));
                if (!rules) return ProblemResponse(rules.error(), req);
                return JsonAnswer(ReferralRulesJson(*rules));
              }});

  router.Add({"POST", "/api/v1/cases/{id}/referrals",
              [c](const Request& req) {
                app::NewReferral in;
                if (auto bad = ReadBody(req, ReadNewReferral, in)) return *bad;
                return ReferralResponse(
                    app::SendReferral(*c, CallerOf(req), IdOf(req), in, ClientOf(req)), req, 201);
              },
              64 * 1024});

  router.Add({"GET", "/api/v1/cases/{id}/referrals", [c](const Request& req) {
                auto list = app::ListSentReferrals(*c, CallerOf(req), IdOf(req), ClientOf(req));
                if (!list) return ProblemResponse(list.error(), req);
                Json items = Json::array();
                for (const auto& v : *list) items.push_back(ReferralJson(v));
                return JsonAnswer(Json{{"items", std::move(items)}});
              }});

  router.Add({"GET",
              "/api/v1/referrals/inbox",
              [c](const Request& req) {
                Problems p;
                app::InboxQuery q = ReadInboxQuery(req, p);
                if (auto st = p.ToStatus(); !st) return ProblemResponse(st.error(), req);
                auto page = app::ListInbox(*c, CallerOf(req), q, ClientOf(req));
                if (!page) return ProblemResponse(page.error(), req);
                Json items = Json::array();
                for (const auto& v : page->items) items.push_back(ReferralJson(v));
                return JsonAnswer(Json{{"items", std::move(items)},
                                       {"total", page->total},
                                       {"limit", q.limit},
                                       {"offset", q.offset}});
              },
              0,
              {"status", "purpose", "from", "due_by", "limit", "offset"}});

  router.Add({"GET", "/api/v1/referrals/{id}", [c](const Request& req) {
                return ReferralResponse(
                    app::ReadReferral(*c, CallerOf(req), IdOf(req), ClientOf(req)), req);
              }});

  router.Add({"GET", "/api/v1/referrals/{id}/package", [c](const Request& req) {
                auto package = app::ReadPackage(*c, CallerOf(req), IdOf(req), ClientOf(req));
                if (!package) return ProblemResponse(package.error(), req);
                auto j = PackageJson(*package);
                if (!j) return ProblemResponse(j.error(), req);
                return JsonAnswer(*j);
              }});

  router.Add({"POST", "/api/v1/referrals/{id}/accept",
              [c](const Request& req) {
                app::Acceptance in;
                if (auto bad = ReadBody(req, ReadAcceptance, in)) return *bad;
                return ReferralResponse(
                    app::AcceptReferral(*c, CallerOf(req), IdOf(req), in, ClientOf(req)), req);
              },
              4 * 1024});

  router.Add({"POST", "/api/v1/referrals/{id}/decline",
              [c](const Request& req) {
                DeclineInput in;
                if (auto bad = ReadBody(req, ReadDecline, in)) return *bad;
                return ReferralResponse(app::DeclineReferral(*c, CallerOf(req), IdOf(req),
                                                             in.reason, in.version, ClientOf(req)),
                                        req);
              },
              16 * 1024});

  router.Add({"POST", "/api/v1/referrals/{id}/withdraw",
              [c](const Request& req) {
                long long version = 0;
                if (auto bad = ReadBody(req, ReadWithdrawal, version)) return *bad;
                return ReferralResponse(
                    app::WithdrawReferral(*c, CallerOf(req), IdOf(req), version, ClientOf(req)),
                    req);
              },
              4 * 1024});

  router.Add({"POST", "/api/v1/referrals/{id}/complete",
              [c](const Request& req) {
                CompletionInput in;
                if (auto bad = ReadBody(req, ReadCompletion, in)) return *bad;
                return ReferralResponse(
                    app::CompleteReferral(*c, CallerOf(req), IdOf(req), in.completed_on, in.outcome,
                                          in.version, ClientOf(req)),
                    req);
              },
              4 * 1024});
}

}  // namespace opennrm::http
