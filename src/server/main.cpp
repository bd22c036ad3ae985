#include <sys/stat.h>

#include "cli/commands.hpp"
#include "server/serve.hpp"

#ifndef OPENNRM_VERSION
#define OPENNRM_VERSION "dev"
#endif

int main(int argc, char** argv) {
  // Files OpenNRM creates (database, WAL, backups, keys) are for its user only.
  umask(077);
  opennrm::cli::Verbs verbs{opennrm::server::Serve, opennrm::server::PrintRoutes};
  return opennrm::cli::Main(argc, argv, verbs, OPENNRM_VERSION);
}
