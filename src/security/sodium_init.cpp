#include "security/sodium_init.hpp"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>
#include <mutex>

namespace opennrm::security {

void EnsureSodium() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (sodium_init() < 0) {
      std::fputs("opennrm: libsodium could not be initialised; refusing to run without it\n",
                 stderr);
      std::abort();
    }
  });
}

}  // namespace opennrm::security
