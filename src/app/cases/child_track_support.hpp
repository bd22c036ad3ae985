// What the child track's use cases share (not part of the app's API).
#pragma once

#include <string>

#include "app/cases/child_track.hpp"
#include "ports/child_track_repository.hpp"
#include "ports/person_repository.hpp"

namespace opennrm::app::case_internal {

// kInvalid on "person_id", rule "not_child_track", unless the person is
// under 18, or claimed or estimated to be, today (Stockholm).
Status RequireChildTrack(const Context& ctx, const ports::CasePerson& person);

// Whether `organisation_id` is an active organisation of the directory.
Result<bool> OrganisationExists(const Context& ctx, const std::string& organisation_id);

MissingAlertView AlertView(const ports::MissingAlertRow& row);

}  // namespace opennrm::app::case_internal
