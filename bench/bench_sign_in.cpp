// Signs a user in to a server on this machine as a person would — one-time
// password, a new password, TOTP enrolment and a TOTP code — and prints the
// session cookie and its CSRF token, one per line, for bench/run-case-bench
// (case routes take people's sessions only, never API tokens).
// usage: bench_sign_in PORT USERNAME ONE_TIME_PASSWORD
#include <cstdio>
#include <iostream>
#include <string>

#include "session_client.hpp"

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: bench_sign_in PORT USERNAME ONE_TIME_PASSWORD\n";
    return 2;
  }
  int port = std::stoi(argv[1]);
  std::string username = argv[2];
  opennrm::testing::SessionClient client(port);
  std::string problem = client.SignIn(username, argv[3], opennrm::testing::TestPassword(username));
  if (!problem.empty()) {
    std::cerr << "bench_sign_in: " << problem << "\n";
    return 1;
  }
  std::cout << client.cookie() << "\n" << client.csrf() << "\n";
  return 0;
}
