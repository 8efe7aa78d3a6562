-- Office addresses, the staff's day view of bookings, and access tokens.

-- One line of text for citizens; NULL when the office has none on record. The domain allows 1 to
-- 300 characters (UTF-16 units, so never more than 300 characters here).
ALTER TABLE offices ADD COLUMN address text CHECK (char_length(address) BETWEEN 1 AND 300);

-- The bookings of an office that start in a range (BookingStore.bookings, the staff's day view).
-- None of the V2 indexes serves it: the primary key has office_id leading but not the start, and
-- the exclusion constraint's index leads with the time range of all offices. Partial, so that
-- placing a hold, the hot path of a release rush, does not maintain it; queries must repeat the
-- predicate (status <> 'HELD') for the planner to use it.
CREATE INDEX appointments_bookings_by_start ON appointments (office_id, starts_at)
  WHERE status <> 'HELD';

-- Bearer tokens for staff and admins, only as SHA-256 hashes of the token. Tokens span offices
-- (an admin reaches all of them, a caseworker may work for several), so unlike the office tables
-- office_id does not lead this one: it is keyed by the hash, and in a sharded setup it stays a
-- small global table like booking_references.
CREATE TABLE access_tokens (
  token_hash bytea PRIMARY KEY CHECK (octet_length(token_hash) = 32),
  token_id   text NOT NULL CHECK (char_length(token_id) BETWEEN 1 AND 64),
  role       text NOT NULL CHECK (role IN ('STAFF', 'OFFICE_ADMIN', 'ADMIN')),
  office_ids text[] NOT NULL CHECK (array_position(office_ids, NULL) IS NULL),
  issued_at  timestamptz NOT NULL
);
