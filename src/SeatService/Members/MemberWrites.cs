using Npgsql;
using Outreach.EventSourcing;

namespace Outreach.SeatService.Members;

/// <summary>
/// Commits a member change. A race the handler's checks could not see ends as 409 and stores nothing: another writer
/// appended to the same stream first, or a unique index of the read tables refused the projected row.
/// </summary>
public static class MemberWrites
{
    private static readonly Dictionary<string, string> ConflictsByConstraint = new(StringComparer.Ordinal)
    {
        ["member_list_active_email"] = "An active member of the account already uses this email.",
        ["member_invitations_email"] = "This email already has an open invitation.",
    };

    /// <summary>Null when committed; otherwise the 409 to answer. The inline projections' unique indexes roll the whole unit back.</summary>
    public static async Task<IResult?> SaveAsync(IDocumentSession session, CancellationToken ct)
    {
        try
        {
            await session.SaveChangesAsync(ct);
            return null;
        }
        catch (ConcurrencyException)
        {
            return Problems.Conflict("Another request changed this record at the same time; read it again and retry.");
        }
        catch (Exception e) when (UniqueViolation(e) is { } detail)
        {
            return Problems.Conflict(detail);
        }
    }

    private static string? UniqueViolation(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: { } name }
                && ConflictsByConstraint.TryGetValue(name, out var detail))
                return detail;
        }
        return null;
    }
}
