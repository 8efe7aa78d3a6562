-- Appointment modes: a service is served in person, by phone and/or by video, each mode with its
-- own duration per person and its own resources; an appointment keeps the mode it was held in,
-- a video booking its link. See docs/adr/009-appointment-modes.md.
--
-- The booking functions of V4 stay as they are: a hold in another mode than in person gets its
-- mode, and a video booking its link, by a second statement in the same transaction (see
-- JdbiBookingStore), so in-person bookings, the common case, keep their single round trip.

-- The modes a service is served in, each with its own duration per person (NULL: the service's
-- duration at the office). A service without rows here is served in person only, as every
-- service was before this migration; the store writes a row for every mode it saves.
CREATE TABLE service_modes (
  service_id       text NOT NULL REFERENCES services ON DELETE CASCADE,
  mode             text NOT NULL CHECK (mode IN ('IN_PERSON', 'PHONE', 'VIDEO')),
  duration_minutes integer CHECK (duration_minutes BETWEEN 1 AND 480),
  PRIMARY KEY (service_id, mode)
);

-- The only resources that serve a service in a mode, per office; a mode without rows here is
-- served by every resource with the service's skill, at every office. Services are saved before
-- the resources that have them as skills, so a resource may be named before it exists and
-- resource_id is no foreign key: a resource that never comes serves nothing. office_id leads,
-- as in every table of an office's data.
CREATE TABLE service_mode_resources (
  office_id   text NOT NULL REFERENCES offices,
  service_id  text NOT NULL,
  mode        text NOT NULL,
  resource_id text NOT NULL,
  PRIMARY KEY (office_id, service_id, mode, resource_id),
  FOREIGN KEY (service_id, mode) REFERENCES service_modes ON DELETE CASCADE
);

-- Replacing a service's modes deletes by service.
CREATE INDEX service_mode_resources_by_service ON service_mode_resources (service_id, mode);

-- Every appointment so far was in person. Adding a column with a constant default rewrites
-- nothing. The mode is set when the hold is placed and never changes: a booking moves only to
-- a hold of its own mode (JdbiBookingStore's move requires it).
ALTER TABLE appointments
  ADD COLUMN mode text NOT NULL DEFAULT 'IN_PERSON'
    CONSTRAINT appointments_mode_known CHECK (mode IN ('IN_PERSON', 'PHONE', 'VIDEO')),
  -- Where citizen and caseworker meet for a video appointment. Not personal data, but whoever
  -- knows it can join, so it is never logged.
  ADD COLUMN video_link text
    CONSTRAINT appointments_video_link_length CHECK (char_length(video_link) BETWEEN 1 AND 500),
  ADD CONSTRAINT appointments_video_link_only_for_video CHECK (video_link IS NULL OR mode = 'VIDEO'),
  -- A video booking that is still to take place has its link. Finished and cancelled ones may
  -- lose it (for erasure); a hold gets it only in the transaction that confirms it.
  ADD CONSTRAINT appointments_video_booking_has_link
    CHECK (mode <> 'VIDEO' OR status NOT IN ('CONFIRMED', 'CHECKED_IN') OR video_link IS NOT NULL);
