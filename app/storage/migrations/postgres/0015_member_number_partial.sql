-- Carnet schema version 15: the member numbers' uniqueness kept by an index of the members who have one. Most
-- associations' files have no member number: the index held a NULL for every member, which an import kept up
-- to date row by row. It now holds only the numbers; "member_number = $1" still reads it (the comparison
-- implies IS NOT NULL), and uniqueness is unchanged (NULLs were never compared).
DROP INDEX members_member_number;
CREATE UNIQUE INDEX members_member_number ON members (member_number) WHERE member_number IS NOT NULL;
