-- Responsibility routing (Zuständigkeit): which office serves an address, and inside an office
-- which team or caseworker serves a surname; the cases staff assign to caseworkers; the deputies
-- who stand in. Rules keep their file order in "position", which breaks ties between rules.

CREATE TABLE routing_address_rules (
  position     integer PRIMARY KEY CHECK (position >= 0),
  label        text NOT NULL UNIQUE CHECK (label <> ''),
  postal_code  text NOT NULL CHECK (postal_code ~ '^[0-9]{5}$'),
  -- The folded street key ("hauptstrasse"), never the street as typed.
  street_key   text,
  house_from   integer,
  house_to     integer,
  parity       text CHECK (parity IN ('ODD', 'EVEN', 'ALL')),
  office_id    text NOT NULL REFERENCES offices,
  CHECK (street_key IS NOT NULL OR house_from IS NULL),
  CHECK ((house_from IS NULL) = (house_to IS NULL) AND (house_from IS NULL) = (parity IS NULL)),
  CHECK (house_from IS NULL OR (1 <= house_from AND house_from <= house_to AND house_to <= 99999))
);

CREATE TABLE routing_team_rules (
  office_id      text NOT NULL REFERENCES offices,
  position       integer NOT NULL CHECK (position >= 0),
  label          text NOT NULL CHECK (label <> ''),
  initials_from  text NOT NULL CHECK (initials_from ~ '^[a-z]{1,10}$'),
  initials_to    text NOT NULL CHECK (initials_to ~ '^[a-z]{1,10}$'),
  -- NULL: the rule is for every service.
  service_id     text REFERENCES services,
  team_id        text,
  resource_id    text,
  PRIMARY KEY (office_id, position),
  UNIQUE (office_id, label),
  -- A rule names a team or one caseworker, never both.
  CHECK ((team_id IS NULL) <> (resource_id IS NULL)),
  FOREIGN KEY (office_id, resource_id) REFERENCES resources
);

CREATE TABLE routing_offices (
  office_id         text PRIMARY KEY REFERENCES offices,
  -- Folded prefixes the office ignores when filing surnames ("von der"); empty keeps them.
  ignored_prefixes  text[] NOT NULL,
  exclusive         boolean NOT NULL
);

CREATE TABLE team_deputies (
  office_id    text NOT NULL,
  team_id      text NOT NULL,
  resource_id  text NOT NULL,
  PRIMARY KEY (office_id, team_id),
  FOREIGN KEY (office_id, resource_id) REFERENCES resources
);

CREATE TABLE case_assignments (
  office_id    text NOT NULL,
  case_number  text NOT NULL CHECK (case_number ~ '^[A-Za-z0-9][A-Za-z0-9/._-]{0,63}$'),
  resource_id  text NOT NULL,
  team_id      text NOT NULL,
  PRIMARY KEY (office_id, case_number),
  FOREIGN KEY (office_id, resource_id) REFERENCES resources
);

-- One row: bumped in the transaction of every change to the rules above (not to case
-- assignments, which are read one at a time), so that app instances can cache compiled rules and
-- check them with one cheap read.
CREATE TABLE routing_version (
  only_row  boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  version   bigint NOT NULL
);
INSERT INTO routing_version VALUES (true, 0);
