using Outreach.EventSourcing;
using Outreach.IdentityService.PersonalData;

namespace Outreach.IdentityService.Identities;

/// <summary>identity_list: what the identity routes read. Personal fields are unsealed here, in the append's transaction.</summary>
public sealed class IdentityListProjection : EventProjection
{
    public const string Migration = """
        CREATE TABLE identity_list (
            identity_id text PRIMARY KEY,
            account_id text NOT NULL,
            key_id text NOT NULL,
            seat_id text,
            first_name text NOT NULL,
            last_name text NOT NULL,
            role text NOT NULL,
            linkedin_status text NOT NULL DEFAULT 'disconnected',
            profile_id text,
            created_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL);
        CREATE INDEX identity_list_by_key ON identity_list (key_id, created_at, identity_id);
        CREATE INDEX identity_list_by_seat ON identity_list (seat_id) WHERE seat_id IS NOT NULL;
        """;

    public const string LinkedInColumnsMigration = "ALTER TABLE identity_list ADD COLUMN linkedin_name text, ADD COLUMN linkedin_url text;";

    public async Task Project(IdentityCreated e, ProjectionContext ctx)
    {
        // No key: the identity was deleted since (a rebuild); there is nothing left to show.
        if (await IdentityKeys.FindAsync(ctx, e.IdentityId) is not { } key)
            return;
        await ctx.EnqueueAsync(
            """
            INSERT INTO identity_list (identity_id, account_id, key_id, seat_id, first_name, last_name, role, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) ON CONFLICT (identity_id) DO NOTHING
            """,
            e.IdentityId, e.AccountId, e.KeyId, e.SeatId,
            PersonalDataCipher.Decrypt(key, e.IdentityId, e.SealedFirstName),
            PersonalDataCipher.Decrypt(key, e.IdentityId, e.SealedLastName),
            PersonalDataCipher.Decrypt(key, e.IdentityId, e.SealedRole),
            e.CreatedAt);
    }

    public async Task Project(IdentityProfileUpdated e, ProjectionContext ctx)
    {
        if (await IdentityKeys.FindAsync(ctx, e.IdentityId) is not { } key)
            return;
        string? Open(string? sealedValue) => sealedValue is null ? null : PersonalDataCipher.Decrypt(key, e.IdentityId, sealedValue);
        await ctx.EnqueueAsync(
            """
            UPDATE identity_list SET first_name = coalesce($2, first_name), last_name = coalesce($3, last_name),
                role = coalesce($4, role), updated_at = $5
            WHERE identity_id = $1
            """,
            e.IdentityId, Open(e.SealedFirstName), Open(e.SealedLastName), Open(e.SealedRole), e.UpdatedAt);
    }

    public async Task Project(LinkedIn.LinkedInLoginSucceeded e, ProjectionContext ctx)
    {
        if (await IdentityKeys.FindAsync(ctx, e.IdentityId) is not { } key)
            return;
        await ctx.EnqueueAsync(
            "UPDATE identity_list SET linkedin_status = 'connected', profile_id = $2, linkedin_name = $3, linkedin_url = $4 WHERE identity_id = $1",
            e.IdentityId, e.ProfileId, PersonalDataCipher.Decrypt(key, e.IdentityId, e.SealedName), PersonalDataCipher.Decrypt(key, e.IdentityId, e.SealedProfileUrl));
    }

    /// <summary>The profile id stays (it is how the document re-authenticates); the connection does not.</summary>
    public Task Project(LinkedIn.LinkedInSessionEnded e, ProjectionContext ctx) => ctx.EnqueueAsync(
        "UPDATE identity_list SET linkedin_status = 'disconnected' WHERE identity_id = $1", e.IdentityId);

    public Task Project(IdentityMigrated e, ProjectionContext ctx) => ctx.EnqueueAsync(
        "UPDATE identity_list SET key_id = $2, updated_at = $3 WHERE identity_id = $1", e.IdentityId, e.ToKeyId, e.MigratedAt);

    public Task Project(IdentityDeleted e, ProjectionContext ctx) =>
        ctx.EnqueueAsync("DELETE FROM identity_list WHERE identity_id = $1", e.IdentityId);

    public override Task ResetAsync(SqlContext context) => context.ExecuteAsync("TRUNCATE identity_list");
}
