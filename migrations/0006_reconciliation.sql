-- Operations still with the processor: the reconciliation job looks for those a
-- crashed process left behind (no processor answer recorded) without scanning all.
CREATE INDEX operations_processing ON operations (created_at_ms) WHERE status = 'processing';
