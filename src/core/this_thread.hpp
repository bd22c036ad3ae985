// The calling thread's name, as `top -H`, `ps -L` and debuggers show it (Linux: at most 15
// characters; longer names are cut). Operators tell the server's threads apart by it.
#pragma once

#include <string_view>

namespace opennrm::core {

// Names the calling thread; a name that cannot be set is ignored (naming is only a help).
void NameThisThread(std::string_view name);

}  // namespace opennrm::core
