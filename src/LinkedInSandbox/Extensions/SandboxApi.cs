using Outreach.LinkedInSandbox.Accounts;
using Outreach.LinkedInSandbox.Faults;
using Outreach.LinkedInSandbox.Http;
using Outreach.LinkedInSandbox.Users;

namespace Outreach.LinkedInSandbox.Extensions;

/// <summary>The sandbox's services and every route, in one place, so a newcomer finds a route by its path.</summary>
public static class SandboxApi
{
    public static IHostApplicationBuilder AddLinkedInSandbox(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<SandboxOptions>(builder.Configuration.GetSection(SandboxOptions.SectionName));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<AccountStore>();
        builder.Services.AddSingleton<ProfileDirectory>();
        builder.Services.AddSingleton<FaultState>();
        return builder;
    }

    public static WebApplication MapLinkedInSandbox(this WebApplication app)
    {
        // After MapDefaultEndpoints' routing: /health and /alive never see the API key, latency or faults.
        app.UseMiddleware<ProviderApiKey>();
        app.UseMiddleware<FaultInjection>();

        var api = app.MapGroup(SandboxRoutes.Api);

        var accounts = api.MapGroup("/accounts").WithTags("Accounts");
        accounts.MapPost("", ConnectAccount.Handle);
        accounts.MapPost("/checkpoint", SolveCheckpoint.Handle);
        accounts.MapPost("/checkpoint/resend", ResendCheckpoint.Handle);
        accounts.MapGet("/{accountId}", GetAccount.Handle);
        accounts.MapDelete("/{accountId}", DeleteAccount.Handle);
        accounts.MapPost("/{accountId}/reconnect", ReconnectAccount.Handle);

        var users = api.MapGroup("/users").WithTags("Users");
        users.MapGet("/{identifier}", (string identifier, string? account_id, AccountStore store, ProfileDirectory profiles) =>
            GetUserProfile.Handle(identifier, account_id, store, profiles));
        // Invitations come here in a later task: POST /users/invite (seed 004) as Users/SendInvitation.cs, the
        // viewer-scoped provider_id resolved through ProfileDirectory.PublicIdentifierOf.

        var control = api.MapGroup("/sandbox").WithTags("Sandbox control");
        control.MapPost("/faults", SetFaults.Handle);
        control.MapGet("/faults", SetFaults.Get);
        control.MapPost("/accounts/{accountId}/revoke", SandboxAccountControls.Revoke);
        control.MapPost("/accounts/{accountId}/stop", SandboxAccountControls.Stop);
        return app;
    }
}
