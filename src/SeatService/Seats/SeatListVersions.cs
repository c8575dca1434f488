namespace Outreach.SeatService.Seats;

/// <summary>
/// What lets /user-list serve a cached answer soundly without making writers wait on each other: a trigger stamps
/// every seat_list row with the id of the transaction that last wrote it (changed_xid). An answer is built in one
/// snapshot and remembers it with its row count; it is still current when the key has the same number of rows and no
/// row written by a transaction that snapshot did not see. A row that left the key (migration) lowers the count; any
/// other change is a row with a newer transaction id. Nothing is locked, so concurrent adds under one key stay parallel.
/// </summary>
public static class SeatListVersions
{
    public const string Migration = """
        ALTER TABLE seat_list ADD COLUMN changed_xid xid8 NOT NULL DEFAULT pg_current_xact_id();
        CREATE FUNCTION seat_list_stamp_xid() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.changed_xid := pg_current_xact_id();
            RETURN NEW;
        END $$;
        CREATE TRIGGER seat_list_stamp_xid BEFORE INSERT OR UPDATE ON seat_list
            FOR EACH ROW EXECUTE FUNCTION seat_list_stamp_xid();
        CREATE INDEX seat_list_changes ON seat_list (key_id, changed_xid);
        """;

    /// <summary>$1 key, $2 the answer's snapshot (text): the key's row count now, and whether a row changed since the snapshot.</summary>
    public const string Check = """
        SELECT (SELECT count(*) FROM seat_list WHERE key_id = $1),
               EXISTS (SELECT 1 FROM seat_list WHERE key_id = $1 AND changed_xid >= pg_snapshot_xmin($2::pg_snapshot)
                       AND NOT pg_visible_in_snapshot(changed_xid, $2::pg_snapshot))
        """;

    /// <summary>Inside the answer's own REPEATABLE READ transaction: its snapshot and the key's row count in it.</summary>
    public const string Snapshot = "SELECT pg_current_snapshot()::text, (SELECT count(*) FROM seat_list WHERE key_id = $1)";
}
