namespace Outreach.SeatService.Migrations;

/// <summary>The read tables of seat-service. Forward-only: never edit a shipped step, add a new one.</summary>
public static class SeatServiceMigrations
{
    public static readonly (int Version, string Name, string Sql)[] Steps =
    [
        (1, "accounts_and_access_keys", """
            CREATE TABLE accounts (
                account_id text PRIMARY KEY,
                name text NOT NULL,
                created_at timestamptz NOT NULL);
            CREATE TABLE access_keys (
                key_id text PRIMARY KEY,
                account_id text NOT NULL,
                access_key_hash text NOT NULL UNIQUE,
                secret_hash text NOT NULL,
                issued_at timestamptz NOT NULL,
                revoked_at timestamptz);
            CREATE INDEX access_keys_account ON access_keys (account_id);
            """),
        (2, "seat_list", """
            CREATE TABLE seat_list (
                seat_id text PRIMARY KEY,
                account_id text NOT NULL,
                key_id text NOT NULL,
                status text NOT NULL,
                linkedin_url text,
                linkedin_name text,
                daily_limit int NOT NULL,
                daily_sent_count int NOT NULL DEFAULT 0,
                sent_day date,
                added_at timestamptz NOT NULL);
            CREATE INDEX seat_list_by_key ON seat_list (key_id, added_at, seat_id);
            CREATE TABLE connect_links (
                token_hash text PRIMARY KEY,
                seat_id text NOT NULL,
                expires_at timestamptz NOT NULL,
                superseded_at timestamptz,
                used_at timestamptz);
            CREATE INDEX connect_links_by_seat ON connect_links (seat_id);
            """),
        (3, "seat_keys", Seats.SeatKeys.Migration),
        // 20, not 4: leaves room for steps being written on other branches; steps apply in version order, gaps allowed.
        (20, "seat_list_changed_xid", Seats.SeatListVersions.Migration),
        // 30: other branches may be writing 21 and up.
        (30, "account_rate_limits", Accounts.SetRateLimit.Migration),
    ];
}
