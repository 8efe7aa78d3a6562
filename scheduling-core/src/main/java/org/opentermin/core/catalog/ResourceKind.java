package org.opentermin.core.catalog;

/** What kind of thing serves an appointment. */
public enum ResourceKind {
  /** A person responsible for cases (Sachbearbeiter*in). */
  CASEWORKER,
  /** A counter or workstation staffed by whoever is on duty (Schalter, Arbeitsplatz). */
  WORKSTATION,
  /** A room that must be free, e.g. for a consultation. */
  ROOM
}
