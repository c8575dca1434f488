using System.Text.Json;
using Npgsql;

namespace Outreach.SeatService.Members;

/// <summary>One row of member_list.</summary>
public sealed record MemberRow(string Uid, string Email, string DisplayName, string? Phone, JsonElement Attributes,
    string AccountType, string Status, DateTimeOffset CreatedAt)
{
    public const string Columns = "user_uid, email, display_name, phone, attributes::text, account_type, status, created_at";

    public static MemberRow Read(NpgsqlDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        JsonDocument.Parse(reader.GetString(4)).RootElement.Clone(),
        reader.GetString(5),
        reader.GetString(6),
        reader.GetFieldValue<DateTimeOffset>(7));
}
