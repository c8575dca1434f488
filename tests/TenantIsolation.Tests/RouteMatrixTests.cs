using Shouldly;
using Xunit.Abstractions;

namespace Outreach.TenantIsolation.Tests;

/// <summary>
/// Issue 9: every public route × {another account's key, a revoked key of the owner}. The other tenant gets exactly
/// what a never-existing id of the same form gets and nothing of the owner's; the revoked key gets the garbage key's 401.
/// </summary>
[Collection(IsolationSuite.Name)]
public sealed class RouteMatrixTests(IsolationFixture system, ITestOutputHelper output)
{
    [Fact]
    public async Task No_route_lets_another_tenant_or_a_revoked_key_see_or_change_a_tenants_state()
    {
        var victim = await TenantState.CreateAsync(system, "aurelia", "someone@example.com");
        var other = await system.IssueKeyAsync("Other account");
        var otherSecondKey = await system.IssueSecondKeyAsync(other.AccountId);
        var revoked = await system.IssueSecondKeyAsync(victim.Key.AccountId);
        await system.RevokeAsync(revoked);
        using (var identities = system.ClientFor(IsolationFixture.IdentityService, other))
        {
            var own = await identities.SendJsonAsync(HttpMethod.Post, "/v1/identities", new { firstName = "Bram", lastName = "Other", role = "Sales" });
            own.Status.ShouldBe(201, own.Text);
            otherIdentity = own.Body.GetProperty("identity").GetProperty("id").GetString()!;
        }
        var real = With(victim.Placeholders(), otherIdentity, otherSecondKey.AccessKey);
        var neverExisted = With(victim.Placeholders().ToDictionary(p => p.Key, p => SameForm.Of(p.Value)), otherIdentity, otherSecondKey.AccessKey);
        var before = await TenantSnapshot.SettledAsync(system, victim);

        var failures = new List<string>();
        var leaks = 0;
        var probes = 0;
        var probe = new MatrixProbe(system);
        foreach (var route in IsolationRoutes.All)
        {
            if (!route.RevokedOnly)
            {
                probes++;
                var found = await OtherTenantAsync(probe, route, other, real, neverExisted, victim.Secrets);
                leaks += found.Count(f => f.Contains("reveals", StringComparison.Ordinal));
                failures.AddRange(found);
            }
            probes++;
            failures.AddRange(await RevokedAsync(probe, route, revoked, real));
        }

        var after = await TenantSnapshot.TakeAsync(system, victim);
        failures.AddRange(after.Differences(before).Select(d => $"the victim's state changed: {d}"));
        output.WriteLine($"matrix: {IsolationRoutes.All.Count} routes, {probes} probes (other tenant and revoked key), {leaks} leaks, {failures.Count} failures");
        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }

    private string otherIdentity = "";

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> values, string ownIdentity, string ownOtherKey) =>
        new(values) { ["ownIdentity"] = ownIdentity, ["ownOtherKey"] = ownOtherKey };

    private static async Task<List<string>> OtherTenantAsync(MatrixProbe probe, RouteCase route, TenantKey other,
        IReadOnlyDictionary<string, string> real, IReadOnlyDictionary<string, string> neverExisted, IReadOnlyList<string> secrets)
    {
        var headers = Headers(route.Form, other);
        var answer = await probe.SendAsync(route, headers, real);
        var control = await probe.SendAsync(route, headers, neverExisted);
        var failures = new List<string>();
        if (!route.ForOtherTenant.Contains(answer.Status))
            failures.Add($"[other tenant] {route.Name}: {answer.Status}, expected {string.Join(" or ", route.ForOtherTenant)}: {answer.Text}");
        if (answer.Status != control.Status)
            failures.Add($"[other tenant] {route.Name}: {answer.Status} for the victim's ids, {control.Status} for ids that never existed");
        if (ResponseShape.Of(answer.Body) != ResponseShape.Of(control.Body))
            failures.Add($"[other tenant] {route.Name}: shape {{{ResponseShape.Of(answer.Body)}}} differs from a never-existing id's {{{ResponseShape.Of(control.Body)}}}");
        var sent = MatrixProbe.RequestText(route, real);
        foreach (var secret in secrets.Where(s => !sent.Contains(s, StringComparison.OrdinalIgnoreCase)))
        {
            if (answer.Text.Contains(secret, StringComparison.OrdinalIgnoreCase))
                failures.Add($"[other tenant] {route.Name}: the answer reveals the victim's '{secret}': {answer.Text}");
        }
        return failures;
    }

    private static async Task<List<string>> RevokedAsync(MatrixProbe probe, RouteCase route, TenantKey revoked, IReadOnlyDictionary<string, string> real)
    {
        var answer = await probe.SendAsync(route, Headers(route.Form, revoked), real);
        var garbage = await probe.SendAsync(route, Headers(route.Form, Garbage()), real);
        var failures = new List<string>();
        if (answer.Status != 401)
            failures.Add($"[revoked key] {route.Name}: {answer.Status}, expected 401: {answer.Text}");
        if (ResponseShape.WithoutPerRequestFields(answer.Text) != ResponseShape.WithoutPerRequestFields(garbage.Text))
            failures.Add($"[revoked key] {route.Name}: body {answer.Text} differs from a garbage key's {garbage.Text}");
        return failures;
    }

    private static IReadOnlyDictionary<string, string> Headers(KeyForm form, TenantKey key) =>
        form == KeyForm.AccessKey ? key.AccessKeyHeader() : key.KeyIdAndSecretHeaders();

    private static TenantKey Garbage() =>
        new("", SameForm.Random("key_", 24), SameForm.Random("oak_", 43), SameForm.Random("oas_", 43));
}
