using System.Security.Claims;
using System.Text.Json.Serialization;
using Npgsql;
using Outreach.EventSourcing;
using Outreach.InvitationService.Senders;
using Outreach.ServiceDefaults.Auth;

namespace Outreach.InvitationService.Invitations;

/// <summary>
/// POST /v1/invitations/batch {account_id, invitations:[{provider_id | public_identifier, message?}]} → 202
/// {"object":"InvitationBatch","batch_id","account_id","queued","invitations":[{"id","provider_id"|"public_identifier","status":"queued"}]}:
/// queues up to 500 sends from one account, all or none, for the paced sender (PacedSender). The account must be
/// able to send when they are queued; a later suspension or disconnection pauses them.
/// </summary>
public static class QueueBatch
{
    public sealed record Item(string? ProviderId, string? PublicIdentifier, string? Message);

    public sealed record Request(string? AccountId, IReadOnlyList<Item?>? Invitations);

    public sealed record Queued(string Id, string? ProviderId, string? PublicIdentifier, string Status)
    {
        [JsonPropertyName("object"), JsonPropertyOrder(-1)]
        public string Kind => "QueuedInvitation";
    }

    public sealed record Response(string BatchId, string AccountId, int Queued, IReadOnlyList<Queued> Invitations)
    {
        [JsonPropertyName("object"), JsonPropertyOrder(-1)]
        public string Kind => "InvitationBatch";
    }

    public static async Task<IResult> Handle(Request? request, ClaimsPrincipal user, NpgsqlDataSource db, IDocumentSession session,
        QueueSignal queue, TimeProvider clock, CancellationToken ct)
    {
        if (request is null)
            return InvitationErrors.Invalid("body", "A JSON body with account_id and invitations is required.");
        if (Validate(request) is { } invalid)
            return invalid;
        var caller = user.Tenant();
        var sender = await SenderView.ForCallerAsync(db, request.AccountId!, caller.AccountId, caller.KeyId, ct);
        if (sender is null)
            return InvitationErrors.AccountNotFound(request.AccountId!);
        if (sender.WhyNotSending is { } why)
            return InvitationErrors.Disconnected(why);

        var batchId = InvitationIds.NewBatchId();
        var now = clock.GetUtcNow();
        session.TenantId = sender.KeyId;
        var queued = new List<Queued>(request.Invitations!.Count);
        foreach (var item in request.Invitations!)
        {
            var id = InvitationIds.New();
            var publicIdentifier = item!.ProviderId is null ? item.PublicIdentifier!.Trim().ToLowerInvariant() : null;
            session.Events.StartStream<Invitation>(id, new InvitationRequested(id, sender.AccountId, sender.KeyId, sender.SeatId, sender.IdentityId,
                sender.SenderKey, item.ProviderId, publicIdentifier, item.Message, null, batchId, now));
            queued.Add(new Queued(id, item.ProviderId, publicIdentifier, InvitationStatus.Queued));
        }
        await session.SaveChangesAsync(ct);
        queue.Wake();
        return Results.Json(new Response(batchId, request.AccountId!, queued.Count, queued), statusCode: StatusCodes.Status202Accepted);
    }

    private static IResult? Validate(Request request)
    {
        if (InvitationFields.RequireId(request.AccountId, "account_id") is { } badAccount)
            return badAccount;
        if (request.Invitations is not { Count: > 0 and <= InvitationFields.MaxBatchSize } items)
            return InvitationErrors.Invalid("invitations", $"invitations must hold 1 to {InvitationFields.MaxBatchSize} items.");
        var recipients = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < items.Count; i++)
        {
            var field = $"invitations[{i}]";
            if (items[i] is not { } item)
                return InvitationErrors.Invalid(field, $"{field} must be an object with provider_id or public_identifier.");
            if ((item.ProviderId is null) == (item.PublicIdentifier is null))
                return InvitationErrors.Invalid($"{field}.provider_id", $"{field} needs exactly one of provider_id and public_identifier.");
            var (name, value) = item.ProviderId is not null ? ("provider_id", item.ProviderId) : ("public_identifier", item.PublicIdentifier!);
            if ((InvitationFields.RequireId(value, $"{field}.{name}") ?? InvitationFields.CheckMessage(item.Message, $"{field}.message")) is { } bad)
                return bad;
            if (!recipients.Add(name + ":" + (name == "public_identifier" ? value.ToLowerInvariant() : value)))
                return InvitationErrors.Invalid($"{field}.{name}", $"{field} names a recipient already in this batch.");
        }
        return null;
    }
}
