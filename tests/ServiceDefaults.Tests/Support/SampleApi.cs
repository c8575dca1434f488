using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Outreach.ServiceDefaults.Http;

namespace Outreach.ServiceDefaults.Tests.Support;

public enum SeatKind
{
    Standard,
    PendingReview,
}

public sealed record CreateSeat(string Name, int DailyLimit, SeatKind Kind);

public sealed record Profile
{
    public required string FirstName { get; init; }
}

public sealed record SeatView(string DisplayName, string? Note, SeatKind Kind, [property: JsonPropertyName("externalId")] string ExternalId);

/// <summary>A few endpoints shaped like the services' own, used by the HTTP tests.</summary>
public static class SampleApi
{
    public const string LeakySecret = "hunter2";

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/things/{id:int}", (int id) => new SeatView($"thing {id}", null, SeatKind.PendingReview, $"ext-{id}"));

        app.MapPost("/seats", (CreateSeat request) =>
        {
            var errors = new ValidationErrors()
                .When(string.IsNullOrWhiteSpace(request.Name), "name", "A name is required.")
                .When(request.DailyLimit is < 1 or > 100, "daily_limit", "Must be between 1 and 100.");
            if (errors.Any)
                return errors.ToResult();
            return Results.Ok(new SeatView(request.Name, null, request.Kind, "ext-new"));
        });

        app.MapPost("/profiles", (Profile profile) => profile);

        app.MapGet("/items", (int limit) => Results.Ok(new { limit }));

        app.MapGet("/boom", IResult () => throw new InvalidOperationException($"connection failed: Password={LeakySecret}"));
    }
}
