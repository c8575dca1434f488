namespace Outreach.SeatService.Seats;

/// <summary>
/// seat_list_versions: a number per key that rises in the same transaction as any change to that key's rows of
/// seat_list (a trigger, so no projection can forget it). /user-list caches its answer per key and serves it again
/// only while the number is the one it was built at. The version row is locked until the change commits, so a reader
/// that sees a version also sees every change counted in it.
/// </summary>
public static class SeatListVersions
{
    public const string Migration = """
        CREATE TABLE seat_list_versions (
            key_id text PRIMARY KEY,
            version bigint NOT NULL);
        CREATE FUNCTION seat_list_bump_version() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') THEN
                INSERT INTO seat_list_versions (key_id, version) VALUES (OLD.key_id, 1)
                ON CONFLICT (key_id) DO UPDATE SET version = seat_list_versions.version + 1;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') AND (TG_OP = 'INSERT' OR NEW.key_id IS DISTINCT FROM OLD.key_id) THEN
                INSERT INTO seat_list_versions (key_id, version) VALUES (NEW.key_id, 1)
                ON CONFLICT (key_id) DO UPDATE SET version = seat_list_versions.version + 1;
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER seat_list_versions AFTER INSERT OR UPDATE OR DELETE ON seat_list
            FOR EACH ROW EXECUTE FUNCTION seat_list_bump_version();
        """;
}
