namespace Outreach.HostileInput.Tests.Corpus;

/// <summary>seat-service's seed 000 routes: /user-list and every action of /functions/v1/api-user-management.</summary>
public static class SeatCorpus
{
    public const string Family = "seats";
    private const string Manage = "/functions/v1/api-user-management";
    private const string MissingSeat = "\"seat_doesnotexist000000\"";

    public static IEnumerable<HostileCase> Build(Tenant tenant)
    {
        var auth = Auth.AccessKey(tenant);
        var service = HostileSystemFixture.SeatService;
        var cases = QueryMutations.Values(Family, service, "/user-list", "status", auth,
                Payloads.QueryValues.Append(("unknown", "bogus")).Append(("two values", "active,pending")))
            .Concat(QueryMutations.Unauthenticated(Family, service, HttpMethod.Get, "/user-list", "x-access-key", tenant.Key.AccessKey));
        return Routes(tenant).Aggregate(cases, (all, route) => all.Concat(BodyMutations.For(route)));
    }

    private static IEnumerable<BodyRoute> Routes(Tenant tenant)
    {
        var seat = Auth.Json(tenant.SeatId);
        BodyRoute Action(string action) => new(Family, HostileSystemFixture.SeatService, HttpMethod.Post, Manage)
        {
            Auth = Auth.AccessKey(tenant), Idempotent = true, NotFoundAllowed = true, Shaped = ["action", "user_id", "target_access_key"],
            Template = [KeyValuePair.Create("action", Auth.Json(action))],
        };

        yield return Action("add") with
        {
            Template = [KeyValuePair.Create("action", "\"add\""), KeyValuePair.Create("daily_limit", "25")],
            Required = ["action"],
            Breakers = [KeyValuePair.Create("daily_limit", "0"), KeyValuePair.Create("daily_limit", "101"), KeyValuePair.Create("daily_limit", "-1"),
                KeyValuePair.Create("daily_limit", "1e9"), KeyValuePair.Create("daily_limit", "1.5"), KeyValuePair.Create("action", "\"ADD\"")],
        };
        // The tenant's seat is pending: suspending or unsuspending it is a 409 whatever else the body holds.
        foreach (var action in new[] { "suspend", "unsuspend" })
            yield return Action(action) with
            {
                Template = [KeyValuePair.Create("action", Auth.Json(action)), KeyValuePair.Create("user_id", seat)],
                Required = ["action", "user_id"],
                Breakers = [KeyValuePair.Create("user_id", MissingSeat), KeyValuePair.Create("user_id", "\"\"")],
            };
        // Disconnecting the real seat would be valid: every disconnect names a seat that does not exist.
        yield return Action("disconnect") with
        {
            Template = [KeyValuePair.Create("action", "\"disconnect\""), KeyValuePair.Create("user_id", MissingSeat)],
            Required = ["action", "user_id"],
            Breakers = [KeyValuePair.Create("user_id", "\"\"")],
        };
        yield return Action("migrate") with
        {
            Template = [KeyValuePair.Create("action", "\"migrate\""), KeyValuePair.Create("user_ids", $"[{seat}]"),
                KeyValuePair.Create("target_access_key", "\"oak_doesnotexist\"")],
            Required = ["action", "user_ids", "target_access_key"],
            Breakers = [KeyValuePair.Create("target_access_key", "\"oak_doesnotexist\""), KeyValuePair.Create("user_ids", "[]"),
                KeyValuePair.Create("user_ids", $"[{seat},{seat}]"), KeyValuePair.Create("user_ids", $"[{string.Join(",", Enumerable.Repeat(seat, 501))}]"),
                KeyValuePair.Create("target_access_key", Auth.Json(tenant.Key.AccessKey))],
        };
        yield return Action("set_daily_limit") with
        {
            Template = [KeyValuePair.Create("action", "\"set_daily_limit\""), KeyValuePair.Create("user_id", seat), KeyValuePair.Create("daily_limit", "0")],
            Required = ["action", "user_id", "daily_limit"],
            Breakers = [KeyValuePair.Create("daily_limit", "0"), KeyValuePair.Create("daily_limit", "101"), KeyValuePair.Create("daily_limit", "-5"),
                KeyValuePair.Create("daily_limit", "1e9"), KeyValuePair.Create("daily_limit", "25.5"), KeyValuePair.Create("user_id", MissingSeat)],
        };
        yield return Action("unknown action") with
        {
            Template = [KeyValuePair.Create("action", "\"promote\""), KeyValuePair.Create("user_id", seat)],
            Required = ["action"],
            Breakers = [KeyValuePair.Create("action", "\"\""), KeyValuePair.Create("action", "\"Suspend\"")],
        };
    }
}
