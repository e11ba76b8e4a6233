-- Change numbers from a sequence. The one-row counter of 0003 made every write wait,
-- from taking its number to its commit, for the write before it. A sequence hands out
-- numbers without waiting; a number can then commit after a higher one, which the
-- followers allow for (they wait for the transactions in flight; see ChangeCursor).
CREATE SEQUENCE change_numbers;
SELECT setval('change_numbers', (SELECT value FROM change_sequence WHERE id = 1) + 1, false);
