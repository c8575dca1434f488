using System.Text.Json.Serialization;
using Outreach.LinkedInSandbox.Http;

namespace Outreach.LinkedInSandbox.Faults;

/// <summary>
/// POST /api/v1/sandbox/faults {"mode":"none"|"500"|"429"|"timeout"|"accept_then_timeout","for_seconds"?} → 200 the fault in force.
/// Without for_seconds (or 0) the fault stays until "none". GET the same path reads it.
/// </summary>
public static class SetFaults
{
    public sealed record Request(string? Mode, double? ForSeconds);

    public sealed record Response([property: JsonPropertyName("object"), JsonPropertyOrder(-1)] string Kind, string Mode, DateTimeOffset? Until);

    public static IResult Handle(Request? request, FaultState faults)
    {
        var mode = request?.Mode?.Trim().ToLowerInvariant();
        if (mode is null || !FaultState.Modes.Contains(mode))
            return UnipileErrors.InvalidParameter($"mode must be one of: {string.Join(", ", FaultState.Modes)}.");
        if (request!.ForSeconds is < 0)
            return UnipileErrors.InvalidParameter("for_seconds must not be negative.");

        return Results.Ok(View(faults.Set(mode, request.ForSeconds)));
    }

    public static IResult Get(FaultState faults) => Results.Ok(View(faults.Current));

    private static Response View(ActiveFault? fault) => new("Faults", fault?.Mode ?? FaultState.None, fault?.Until);
}
