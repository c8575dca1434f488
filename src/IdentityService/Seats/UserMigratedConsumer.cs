using MassTransit;
using Outreach.Contracts;
using Outreach.EventSourcing;
using Outreach.IdentityService.Identities;

namespace Outreach.IdentityService.Seats;

/// <summary>UserMigrated: the seats' identities move to the target key, all in one transaction; their LinkedIn connections are kept.</summary>
public sealed class UserMigratedConsumer(IDocumentStore store, TimeProvider clock) : InboxConsumer<UserMigrated>(store)
{
    protected override async Task HandleAsync(ConsumeContext<UserMigrated> context, IDocumentSession session)
    {
        var message = context.Message;
        session.TenantId = message.ToKeyId;
        foreach (var seatId in message.SeatIds)
        {
            foreach (var stream in await SeatIdentities.LoadAsync(session, seatId, message.FromKeyId, context.CancellationToken))
            {
                if (stream.Aggregate!.AccountId == message.AccountId)
                    stream.AppendOne(new IdentityMigrated(stream.Aggregate.Id, message.AccountId, message.FromKeyId, message.ToKeyId, clock.GetUtcNow()));
            }
        }
    }
}
