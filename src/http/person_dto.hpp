// JSON of persons in cases: reading a new person from a request body (every
// field checked for presence and type, problems named by path) and writing
// a person with their identity and contact details.
#pragma once

#include "app/cases/persons.hpp"
#include "http/json_body.hpp"

namespace opennrm::http {

// Reads {role, names, date_of_birth, claimed_minor, gender, citizenship,
// residence_permit, unaccompanied, languages, documents, contact,
// protection}; codes are checked later by the use case, shapes and types
// here (residence_permit: "enum" for a word outside none/has_permit/unknown).
app::NewCasePerson ReadNewCasePerson(const Json& body, Problems& problems);

// Reads a correction of a person: the shape of a new person (role optional;
// if given, the person's current role) plus the required expected_version.
app::CasePersonUpdate ReadCasePersonUpdate(const Json& body, Problems& problems);

Json CasePersonJson(const app::CasePersonView& v);

}  // namespace opennrm::http
