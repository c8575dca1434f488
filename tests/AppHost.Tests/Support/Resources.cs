namespace Outreach.AppHost.Tests.Support;

/// <summary>The resource names Program.cs declares.</summary>
internal static class Resources
{
    public const string Postgres = "postgres";
    public const string SeatsDb = "seatsdb";
    public const string IdentitiesDb = "identitiesdb";
    public const string InvitationsDb = "invitationsdb";
    public const string RabbitMq = "rabbitmq";
    public const string SeatService = "seat-service";
    public const string IdentityService = "identity-service";
    public const string InvitationService = "invitation-service";
    public const string LinkedInSandbox = "linkedin-sandbox";

    public static readonly string[] All = [Postgres, SeatsDb, IdentitiesDb, InvitationsDb, RabbitMq, SeatService, IdentityService, InvitationService, LinkedInSandbox];

    public static readonly string[] Services = [SeatService, IdentityService, InvitationService, LinkedInSandbox];

    /// <summary>The services that use PostgreSQL and RabbitMQ, so stop before them; the sandbox uses neither and stops beside them.</summary>
    public static readonly string[] ServicesOnInfrastructure = [SeatService, IdentityService, InvitationService];

    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    /// <summary>From seat-service healthy to the demo in apphost.json: two HTTP calls, or a few retries of them.</summary>
    public static readonly TimeSpan DemoTimeout = TimeSpan.FromMinutes(1);
}
