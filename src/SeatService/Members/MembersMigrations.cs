namespace Outreach.SeatService.Members;

/// <summary>
/// The read tables of members and member invitations (versions 100 and up are this slice's).
/// Forward-only: never edit a shipped step, add a new one.
/// </summary>
public static class MembersMigrations
{
    public static readonly (int Version, string Name, string Sql)[] Steps =
    [
        (100, "member_list_and_invitations", """
            CREATE TABLE member_list (
                user_uid text COLLATE "C" PRIMARY KEY,
                account_id text NOT NULL,
                email text NOT NULL,
                email_key text NOT NULL,
                display_name text NOT NULL,
                phone text,
                attributes jsonb NOT NULL DEFAULT '{}',
                account_type text NOT NULL,
                status text NOT NULL,
                created_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL);
            -- Seed 001 pages by uid; seed 002 lists in order of joining.
            CREATE INDEX member_list_by_account ON member_list (account_id, user_uid);
            CREATE INDEX member_list_by_joined ON member_list (account_id, created_at, user_uid);
            -- The last guard against two active members with one email in an account, when two requests race.
            CREATE UNIQUE INDEX member_list_active_email ON member_list (account_id, email_key) WHERE status = 'active';

            CREATE TABLE member_invitations (
                invite_token text PRIMARY KEY,
                account_id text NOT NULL,
                email text NOT NULL,
                email_key text NOT NULL,
                account_type text NOT NULL,
                platform_link text,
                invited_by_key_id text NOT NULL,
                invited_at timestamptz NOT NULL,
                expires_at timestamptz NOT NULL);
            -- One open invitation per email and account: a new one replaces an expired one, and racing invites conflict.
            CREATE UNIQUE INDEX member_invitations_email ON member_invitations (account_id, email_key);
            CREATE INDEX member_invitations_by_account ON member_invitations (account_id, invited_at, invite_token);
            """),
    ];
}
