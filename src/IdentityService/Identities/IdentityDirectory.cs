using Npgsql;

namespace Outreach.IdentityService.Identities;

/// <summary>Reads identity_list, always scoped to the caller's key.</summary>
public static class IdentityDirectory
{
    public static async Task<IdentityView?> FindAsync(NpgsqlDataSource db, string keyId, string identityId, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"SELECT {IdentityView.Columns} FROM identity_list WHERE identity_id = $1 AND key_id = $2");
        command.Parameters.AddWithValue(identityId);
        command.Parameters.AddWithValue(keyId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? IdentityView.Read(reader) : null;
    }

    public static async Task<IReadOnlyList<IdentityView>> ListAsync(NpgsqlDataSource db, string keyId, CancellationToken ct)
    {
        await using var command = db.CreateCommand($"SELECT {IdentityView.Columns} FROM identity_list WHERE key_id = $1 ORDER BY created_at, identity_id");
        command.Parameters.AddWithValue(keyId);
        var identities = new List<IdentityView>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            identities.Add(IdentityView.Read(reader));
        return identities;
    }
}
