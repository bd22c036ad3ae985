#include "http/router.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace opennrm::http {
namespace {

Handler Tag(std::string tag) {
  return [tag](const Request&) {
    Response r;
    r.body = tag;
    return r;
  };
}

// The organisation routes as the API registers them (literal and parameter
// routes at the same depth, in this order).
Router Organisations() {
  Router r;
  r.Add({"GET", "/api/v1/organisations", Tag("list")});
  r.Add({"POST", "/api/v1/organisations", Tag("create")});
  r.Add({"GET", "/api/v1/organisations/coverage", Tag("coverage")});
  r.Add({"GET", "/api/v1/organisations/{id}", Tag("read")});
  r.Add({"PUT", "/api/v1/organisations/{id}", Tag("replace")});
  r.Add({"POST", "/api/v1/organisations/{id}/deactivate", Tag("deactivate")});
  r.Add({"GET", "/api/v1/geo/counties/{code}", Tag("county")});
  return r;
}

std::string HandlerOf(const RouteMatch& m) {
  if (!m.route) return "<none>";
  return m.route->handler(Request{}).body;
}

std::vector<std::string> Sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

TEST(Router, LiteralSegmentBeatsParameterWhateverTheOrder) {
  Router r = Organisations();
  auto m = r.Find("GET", "/api/v1/organisations/coverage");
  EXPECT_EQ(HandlerOf(m), "coverage");
  EXPECT_TRUE(m.params.empty());

  Router reversed;
  reversed.Add({"GET", "/api/v1/organisations/{id}", Tag("read")});
  reversed.Add({"GET", "/api/v1/organisations/coverage", Tag("coverage")});
  EXPECT_EQ(HandlerOf(reversed.Find("GET", "/api/v1/organisations/coverage")), "coverage");
  EXPECT_EQ(HandlerOf(reversed.Find("GET", "/api/v1/organisations/cov")), "read");
}

TEST(Router, ParametersAreExtracted) {
  Router r = Organisations();
  auto m = r.Find("GET", "/api/v1/organisations/0193b1c2-aaaa");
  EXPECT_EQ(HandlerOf(m), "read");
  EXPECT_EQ(m.params.at("id"), "0193b1c2-aaaa");
  EXPECT_FALSE(m.other_method);

  m = r.Find("POST", "/api/v1/organisations/42/deactivate");
  EXPECT_EQ(HandlerOf(m), "deactivate");
  EXPECT_EQ(m.params.at("id"), "42");

  m = r.Find("GET", "/api/v1/geo/counties/25");
  EXPECT_EQ(m.params.at("code"), "25");
}

TEST(Router, MethodsSelectTheRoute) {
  Router r = Organisations();
  EXPECT_EQ(HandlerOf(r.Find("GET", "/api/v1/organisations")), "list");
  EXPECT_EQ(HandlerOf(r.Find("POST", "/api/v1/organisations")), "create");
  EXPECT_EQ(HandlerOf(r.Find("PUT", "/api/v1/organisations/7")), "replace");
  EXPECT_EQ(HandlerOf(r.Find("get", "/api/v1/organisations")), "<none>");  // methods are upper case
}

TEST(Router, WrongMethodGives405WithAllowedMethods) {
  Router r = Organisations();
  auto m = r.Find("DELETE", "/api/v1/organisations/7");
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.other_method);
  EXPECT_EQ(Sorted(m.allowed), (std::vector<std::string>{"GET", "PUT"}));

  m = r.Find("PATCH", "/api/v1/organisations");
  EXPECT_TRUE(m.other_method);
  EXPECT_EQ(Sorted(m.allowed), (std::vector<std::string>{"GET", "POST"}));

  m = r.Find("GET", "/api/v1/organisations/7/deactivate");
  EXPECT_TRUE(m.other_method);
  EXPECT_EQ(m.allowed, (std::vector<std::string>{"POST"}));
}

// The Allow header is built from `allowed`: each method must appear once.
// DELETE /coverage matches both GET /coverage and GET /{id}.
TEST(Router, AllowedMethodsAreListedOnce) {
  Router r = Organisations();
  auto m = r.Find("DELETE", "/api/v1/organisations/coverage");
  EXPECT_TRUE(m.other_method);
  EXPECT_EQ(Sorted(m.allowed), (std::vector<std::string>{"GET", "PUT"}));
}

TEST(Router, MatchingMethodIsNot405EvenIfOthersDiffer) {
  Router r = Organisations();
  auto m = r.Find("GET", "/api/v1/organisations/7");
  EXPECT_NE(m.route, nullptr);
  EXPECT_FALSE(m.other_method);
}

TEST(Router, UnknownPathIsNeither404Nor405Match) {
  Router r = Organisations();
  for (const char* path : {"/api/v1/organisation", "/api/v1/organisations/7/activate/now",
                           "/api/v2/organisations", "/", ""}) {
    auto m = r.Find("GET", path);
    EXPECT_EQ(m.route, nullptr) << path;
    EXPECT_FALSE(m.other_method) << path;
    EXPECT_TRUE(m.allowed.empty()) << path;
  }
}

TEST(Router, TrailingSlashIsNotMatched) {
  Router r = Organisations();
  for (const char* path :
       {"/api/v1/organisations/", "/api/v1/organisations/coverage/", "/api/v1/organisations/7/"}) {
    auto m = r.Find("GET", path);
    EXPECT_EQ(m.route, nullptr) << path;
    EXPECT_FALSE(m.other_method) << path;
  }
}

TEST(Router, PathsAreCaseSensitive) {
  Router r = Organisations();
  EXPECT_EQ(r.Find("GET", "/API/v1/organisations").route, nullptr);
  EXPECT_EQ(HandlerOf(r.Find("GET", "/api/v1/organisations/Coverage")), "read");
}

TEST(Router, RootRoute) {
  Router r;
  r.Add({"GET", "/", Tag("root")});
  EXPECT_EQ(HandlerOf(r.Find("GET", "/")), "root");
  EXPECT_EQ(r.Find("GET", "/x").route, nullptr);
}

TEST(Router, KeepsRouteOptions) {
  Router r;
  r.Add({"POST", "/upload", Tag("upload"), 4096, {"dry_run"}});
  auto m = r.Find("POST", "/upload");
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->max_body_bytes, 4096u);
  EXPECT_EQ(m.route->query, (std::vector<std::string>{"dry_run"}));
  EXPECT_EQ(r.routes().size(), 1u);
}

TEST(SplitPath, SplitsOnSlashes) {
  EXPECT_EQ(SplitPath("/api/v1/organisations"),
            (std::vector<std::string>{"api", "v1", "organisations"}));
  EXPECT_TRUE(SplitPath("/").empty());
  EXPECT_EQ(SplitPath("/a/{id}"), (std::vector<std::string>{"a", "{id}"}));
}

}  // namespace
}  // namespace opennrm::http
