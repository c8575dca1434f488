using System.Text.Json.Serialization;
using Npgsql;

namespace Outreach.IdentityService.Identities;

/// <summary>
/// The identity object of seed 003's answers. The document names the request fields in camelCase and its own answer
/// fields in snake_case; the identity keeps the request's names for what a client sends (firstName, lastName, role and
/// its alias jobTitle) and snake_case for the rest.
/// </summary>
public sealed record IdentityView(
    string Id,
    [property: JsonPropertyName("firstName")] string FirstName,
    [property: JsonPropertyName("lastName")] string LastName,
    [property: JsonPropertyName("role")] string Role,
    [property: JsonPropertyName("jobTitle")] string JobTitle,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? SeatId,
    IdentityView.LinkedInView Linkedin,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public sealed record LinkedInView(string Status,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ProfileId,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Name,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ProfileUrl);

    public const string Columns = "identity_id, first_name, last_name, role, seat_id, linkedin_status, profile_id, created_at, updated_at, linkedin_name, linkedin_url";

    public static IdentityView Read(NpgsqlDataReader reader) => new(
        reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        new LinkedInView(reader.GetString(5), reader.IsDBNull(6) ? null : reader.GetString(6),
            reader.IsDBNull(9) ? null : reader.GetString(9), reader.IsDBNull(10) ? null : reader.GetString(10)),
        reader.GetFieldValue<DateTimeOffset>(7), reader.GetFieldValue<DateTimeOffset>(8));
}
