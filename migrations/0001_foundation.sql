-- Foundation: node leases for the id generator and instance-wide settings.
-- Portable types only (see src/db/database.hpp): BIGINT, TEXT, SMALLINT.

-- Each `kassa serve` process leases a node number (0..1023) for its id
-- generator, so ids from several processes never collide.
CREATE TABLE id_nodes (
  node_id BIGINT PRIMARY KEY,
  holder TEXT NOT NULL,
  lease_until_ms BIGINT NOT NULL
);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_at_ms BIGINT NOT NULL
);
