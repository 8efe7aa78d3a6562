-- Anti-bot challenges that have been answered (SpentChallenges): each passes once, in whichever
-- app instance it is answered. The primary key decides; a row is needed only until its challenge
-- expires, then JdbiSpentChallenges deletes it in small batches. Not tied to an office, so in a
-- sharded setup it stays a small global table like access_tokens.
CREATE TABLE spent_challenges (
  challenge_id text PRIMARY KEY CHECK (char_length(challenge_id) BETWEEN 1 AND 64),
  expires_at   timestamptz NOT NULL
);

-- Finds the expired rows for the clean-up.
CREATE INDEX spent_challenges_by_expiry ON spent_challenges (expires_at);
