using System.Text.Json;
using System.Text.Json.Nodes;

namespace Outreach.SeatService.Members.UserManagement;

/// <summary>
/// Seed 001's user object: user_uid, email, display_name and phone, then account_type and status (our additions),
/// then the user's extra attributes, flattened the way they were sent.
/// </summary>
public static class UserData
{
    public static JsonObject From(MemberRow row) =>
        Build(row.Uid, row.Email, row.DisplayName, row.Phone, row.AccountType, row.Status, row.Attributes);

    public static JsonObject From(Member member) =>
        Build(member.Uid, member.Email, member.DisplayName, member.Phone, member.AccountType, member.Status, member.Attributes);

    /// <summary>{"userData":{…}} with an optional confirmation message before it.</summary>
    public static JsonObject Envelope(JsonObject userData, string? message = null)
    {
        var body = new JsonObject();
        if (message is not null)
            body["message"] = message;
        body["userData"] = userData;
        return body;
    }

    private static JsonObject Build(string uid, string email, string displayName, string? phone, string accountType, string status,
        JsonElement attributes)
    {
        var data = new JsonObject
        {
            ["user_uid"] = uid,
            ["email"] = email,
            ["display_name"] = displayName,
            ["phone"] = phone,
            ["account_type"] = accountType,
            ["status"] = status,
        };
        if (attributes.ValueKind == JsonValueKind.Object)
        {
            foreach (var attribute in attributes.EnumerateObject())
                data[attribute.Name] = JsonNode.Parse(attribute.Value.GetRawText());
        }
        return data;
    }
}
