// One-time initialisation of libsodium for the security adapters.
//
// Every entry point in src/security that touches libsodium calls EnsureSodium() first, so callers
// need no start-up ritual. If libsodium cannot initialise (it found no usable source of
// randomness), carrying on would produce predictable keys and nonces: the process aborts with a
// message on stderr instead — the one place this layer does not return an error value, because no
// caller could recover safely. Thread-safe (std::call_once).
#pragma once

namespace opennrm::security {

// Initialises libsodium once per process; cheap after the first call.
void EnsureSodium();

}  // namespace opennrm::security
