using Outreach.LinkedInSandbox.Invitations;
using Outreach.LinkedInSandbox.Users;

namespace Outreach.LinkedInSandbox.Webhooks;

/// <summary>
/// Acceptances happen by the clock, not by a request, so something must look for them to call the webhooks: every
/// 200 ms this applies due acceptances in every ledger and announces each new relation once to every users-webhook.
/// </summary>
public sealed class NewRelationNotifier(InvitationBook book, WebhookStore webhooks, WebhookDelivery delivery, TimeProvider clock) : BackgroundService
{
    private static readonly TimeSpan Sweep = TimeSpan.FromMilliseconds(200);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Sweep, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
                Announce(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private void Announce(CancellationToken stopping)
    {
        var accepted = book.TakeNewAcceptances();
        if (accepted.Count == 0)
            return;
        var listeners = webhooks.OfSource(WebhookStore.UsersSource);
        foreach (var invitation in accepted)
        {
            foreach (var webhook in listeners)
            {
                delivery.Post(webhook, new NewRelationEvent(
                    invitation.SenderAccountId,
                    webhook.Name,
                    PersonNames.FullName(invitation.RecipientPublicIdentifier),
                    invitation.RecipientProviderId,
                    invitation.RecipientPublicIdentifier,
                    $"https://www.linkedin.com/in/{invitation.RecipientPublicIdentifier}"), stopping);
            }
        }
    }
}
