// What plainly identifies a person in free text (issue 6 point 1: the
// consultation's situation is warned against identities): a Swedish personal
// identity or coordination number, an e-mail address, a phone number. Pure;
// thread-safe.
#pragma once

#include <string_view>

namespace opennrm::hotline {

// Whether `text` holds something that plainly identifies a person: a Swedish
// personal identity or coordination number (with or without century and
// separator, Luhn-valid), an e-mail address, or a phone number of 8+ digits
// (not service numbers such as 020 or 077x, nor years, counts or dates).
bool LooksIdentifying(std::string_view text);

}  // namespace opennrm::hotline
