using System.Text.Json;

namespace Outreach.Testing.Http;

/// <summary>What <see cref="HttpJson.SendJsonAsync"/> got back.</summary>
public sealed record Answer(int Status, string Text, JsonElement Body)
{
    public string Id(string property) => Body.GetProperty(property).GetString()!;

    /// <summary>This answer, or an exception naming the status and body when it is none of <paramref name="expected"/>.</summary>
    public Answer Ok(params int[] expected)
    {
        if (!expected.Contains(Status))
            throw new InvalidOperationException($"Expected {string.Join(" or ", expected)}, got {Status}: {Text}");
        return this;
    }
}
