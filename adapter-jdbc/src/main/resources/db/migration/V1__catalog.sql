-- The catalog: offices, services, resources and their working time.
-- Every table that holds an office's data has office_id leading its primary key, so that a
-- PostgreSQL sharded by office needs no schema change. Services are shared by all offices.

-- Increases with every change of anything an office's slot generation reads; app instances
-- compare it to decide whether their compiled schedule is still current.
CREATE SEQUENCE schedule_versions;

CREATE TABLE offices (
  office_id          text PRIMARY KEY,
  name               text NOT NULL,
  time_zone          text NOT NULL,
  state              text NOT NULL,
  regional_holidays  text[] NOT NULL,
  slot_minutes       integer NOT NULL CHECK (slot_minutes IN (5, 10, 15, 20, 30)),
  min_notice_seconds bigint NOT NULL CHECK (min_notice_seconds >= 0),
  max_days_ahead     integer NOT NULL CHECK (max_days_ahead BETWEEN 0 AND 730),
  hold_seconds       bigint NOT NULL CHECK (hold_seconds BETWEEN 60 AND 3600),
  schedule_version   bigint NOT NULL
);

CREATE TABLE services (
  service_id       text PRIMARY KEY,
  name             text NOT NULL,
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 480),
  max_persons      integer NOT NULL CHECK (max_persons BETWEEN 1 AND 20),
  channels         text[] NOT NULL CHECK (cardinality(channels) > 0),
  sensitive        boolean NOT NULL
);

CREATE TABLE service_durations (
  office_id        text NOT NULL REFERENCES offices,
  service_id       text NOT NULL REFERENCES services ON DELETE CASCADE,
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 1 AND 480),
  PRIMARY KEY (office_id, service_id)
);

CREATE TABLE resources (
  office_id   text NOT NULL REFERENCES offices,
  resource_id text NOT NULL,
  name        text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('CASEWORKER', 'WORKSTATION', 'ROOM')),
  team_id     text,
  PRIMARY KEY (office_id, resource_id)
);

CREATE TABLE resource_skills (
  office_id   text NOT NULL,
  resource_id text NOT NULL,
  service_id  text NOT NULL REFERENCES services,
  PRIMARY KEY (office_id, resource_id, service_id),
  FOREIGN KEY (office_id, resource_id) REFERENCES resources ON DELETE CASCADE
);

-- Weekly working hours (kind WORK) and breaks (kind BREAK), in local time of the office.
-- valid_from NULL: since ever; valid_until (exclusive) NULL: until further notice.
CREATE TABLE weekly_rules (
  office_id   text NOT NULL,
  resource_id text NOT NULL,
  kind        text NOT NULL CHECK (kind IN ('WORK', 'BREAK')),
  position    integer NOT NULL,
  days        integer[] NOT NULL CHECK (cardinality(days) > 0 AND days <@ '{1,2,3,4,5,6,7}'),
  start_time  time NOT NULL,
  end_time    time NOT NULL CHECK (end_time > start_time),
  valid_from  date,
  valid_until date CHECK (valid_until >= valid_from),
  every_weeks integer NOT NULL CHECK (every_weeks BETWEEN 1 AND 52),
  anchor_week date NOT NULL,
  PRIMARY KEY (office_id, resource_id, kind, position),
  FOREIGN KEY (office_id, resource_id) REFERENCES resources ON DELETE CASCADE
);

CREATE TABLE extra_times (
  office_id   text NOT NULL,
  resource_id text NOT NULL,
  position    integer NOT NULL,
  day         date NOT NULL,
  start_time  time NOT NULL,
  end_time    time NOT NULL CHECK (end_time > start_time),
  PRIMARY KEY (office_id, resource_id, position),
  FOREIGN KEY (office_id, resource_id) REFERENCES resources ON DELETE CASCADE
);

-- Local date-times of the office, half-open.
CREATE TABLE absences (
  office_id   text NOT NULL,
  resource_id text NOT NULL,
  position    integer NOT NULL,
  starts_at   timestamp NOT NULL,
  ends_at     timestamp NOT NULL CHECK (ends_at > starts_at),
  PRIMARY KEY (office_id, resource_id, position),
  FOREIGN KEY (office_id, resource_id) REFERENCES resources ON DELETE CASCADE
);

CREATE TABLE office_closures (
  office_id text NOT NULL REFERENCES offices,
  day       date NOT NULL,
  reason    text NOT NULL,
  PRIMARY KEY (office_id, day)
);
