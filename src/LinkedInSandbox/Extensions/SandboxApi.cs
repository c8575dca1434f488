using Outreach.LinkedInSandbox.Accounts;
using Outreach.LinkedInSandbox.Faults;
using Outreach.LinkedInSandbox.Http;
using Outreach.LinkedInSandbox.Invitations;
using Outreach.LinkedInSandbox.Users;
using Outreach.LinkedInSandbox.Webhooks;

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
        builder.Services.AddSingleton<InvitationBook>();
        builder.Services.AddSingleton<WebhookStore>();
        builder.Services.AddSingleton<WebhookDelivery>();
        builder.Services.AddHttpClient(WebhookDelivery.ClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddHostedService<NewRelationNotifier>();
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
        // Literal segments win over {identifier}, so /users/relations is never read as a profile named "relations".
        users.MapPost("/invite", SendInvitation.Handle);
        users.MapGet("/invite/sent", ListSentInvitations.Handle);
        users.MapDelete("/invite/sent/{invitationId}", WithdrawInvitation.Handle);
        users.MapGet("/relations", ListRelations.Handle);

        var webhooks = api.MapGroup("/webhooks").WithTags("Webhooks");
        webhooks.MapPost("", CreateWebhook.Handle);
        webhooks.MapGet("", ListWebhooks.Handle);
        webhooks.MapDelete("/{webhookId}", DeleteWebhook.Handle);

        var control = api.MapGroup("/sandbox").WithTags("Sandbox control");
        control.MapPost("/faults", SetFaults.Handle);
        control.MapGet("/faults", SetFaults.Get);
        control.MapPost("/accounts/{accountId}/revoke", SandboxAccountControls.Revoke);
        control.MapPost("/accounts/{accountId}/stop", SandboxAccountControls.Stop);
        return app;
    }
}
