// Sealed packages of referrals (referrals, issue 5): what a referral discloses
// is a snapshot of the chosen sections, encrypted to the recipient
// organisation's package key and bound to the referral it belongs to, so that
// only the recipient organisation's key opens it, and only as that referral's
// package. Who among the recipient's users may read an opened package is the
// access policy's decision, not this port's. A package does not say who sealed
// it: the sender is the referral's record and its audit event. Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "core/error.hpp"

namespace opennrm::ports {

class PackageSealer {
 public:
  virtual ~PackageSealer() = default;
  // `plaintext` sealed to the recipient organisation's current package key,
  // bound to `referral_id` (generated before sealing). Self-describing binary.
  // The recipient's key pair is created on first use in a transaction of its
  // own: never call this inside an open write transaction. kInvalid for an
  // empty referral id or a missing or reserved organisation id.
  virtual Result<std::string> Seal(const std::string& recipient_organisation_id,
                                   const std::string& referral_id, std::string_view plaintext) = 0;
  // The plaintext of a package sealed for exactly this recipient and referral.
  // kInvalid, with one message for every cause, if it was sealed for another
  // organisation or referral, altered, truncated, or is in an unknown format.
  // May read the recipient's keys in a read transaction of its own.
  virtual Result<std::string> Open(const std::string& recipient_organisation_id,
                                   const std::string& referral_id, std::string_view sealed) = 0;
};

}  // namespace opennrm::ports
