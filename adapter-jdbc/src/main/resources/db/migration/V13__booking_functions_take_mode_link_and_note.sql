-- The booking functions now take everything a hold and a booking carry: claim_hold the mode,
-- confirm_hold the video link and the citizen's note (and it answers the mode). Until now V9 and
-- V10 added those by extra statements around the V4 functions. Their one current definition lives
-- in R__booking_functions.sql, which Flyway applies after every versioned migration; this drops the
-- V4 signatures, so that an app instance of an older version fails loudly instead of booking
-- without them. A signature changes only here, in a versioned migration; a body changes only in
-- the repeatable one.
DROP FUNCTION claim_hold(text, uuid, text[], timestamptz, timestamptz, timestamptz, text, text[],
                         integer[], bytea, text, timestamptz, text, integer);
DROP FUNCTION confirm_hold(text, uuid, text[], text, bytea, text, text, text, bytea, text, bytea,
                           timestamptz, text, text, text, text[], integer, timestamptz, timestamptz);
