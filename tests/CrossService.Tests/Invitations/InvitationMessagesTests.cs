using System.Net;
using System.Text.Json;
using Outreach.Contracts;
using Outreach.Testing;
using Shouldly;

namespace Outreach.CrossService.Tests.Invitations;

/// <summary>Each outcome leaves invitation-service as its message through RabbitMQ, with ids only: the note never travels.</summary>
[Collection(CrossServiceSuite.Name)]
public sealed class InvitationMessagesTests(CrossServiceFixture system)
{
    [Fact]
    public async Task Sent_failed_and_accepted_are_published_once_each_without_the_note()
    {
        var broker = await system.BrokerAsync();
        await using var sent = await BrokerClient.ListenAsync<InvitationSent>(broker);
        await using var failed = await BrokerClient.ListenAsync<InvitationFailed>(broker);
        await using var accepted = await BrokerClient.ListenAsync<InvitationAccepted>(broker);
        var sender = await InvitationSender.WithSeatAsync(system);
        var note = $"note-{Guid.NewGuid():N}";

        var (ok, body) = await sender.InviteAsync(await sender.ProviderIdOfAsync("accepts-" + InvitationSender.NewPerson()), note);
        ok.StatusCode.ShouldBe(HttpStatusCode.OK, body.ToString());
        var invitationId = body.GetProperty("invitation_id").GetString()!;
        var (refused, problem) = await sender.InviteAsync(await sender.ProviderIdOfAsync("connected-" + InvitationSender.NewPerson()), note);
        refused.StatusCode.ShouldBe((HttpStatusCode)422, problem.ToString());

        var wasSent = (await sent.WaitForAsync(m => m.InvitationId == invitationId, Eventually.Patience)).ShouldHaveSingleItem();
        wasSent.SeatId.ShouldBe(sender.SeatId);
        wasSent.KeyId.ShouldBe(sender.Key.KeyId);
        wasSent.LinkedInAccountId.ShouldBe(sender.AccountId);
        var wasRefused = (await failed.WaitForAsync(m => m.SeatId == sender.SeatId, Eventually.Patience)).ShouldHaveSingleItem();
        wasRefused.Type.ShouldBe("errors/already_connected");
        (await accepted.WaitForAsync(m => m.InvitationId == invitationId, Eventually.Patience)).ShouldHaveSingleItem().SeatId.ShouldBe(sender.SeatId);

        await Task.Delay(500);
        sent.Messages.Count(m => m.InvitationId == invitationId).ShouldBe(1);
        foreach (var message in sent.Messages.Cast<object>().Concat(failed.Messages).Concat(accepted.Messages))
            JsonSerializer.Serialize(message).ShouldNotContain(note);
    }
}
