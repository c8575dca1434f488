using System.Text.Json.Serialization;

namespace Outreach.SeatService.Members.Workspace;

/// <summary>Seed 002's mutation result: {"ok":true}.</summary>
public sealed record WorkspaceOk([property: JsonPropertyName("ok")] bool Ok)
{
    public static readonly WorkspaceOk Yes = new(true);
}
