using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Shouldly;

namespace Outreach.CrossService.Tests.AccessKeys;

/// <summary>identity- and invitation-service accept seat-service's keys exactly as seat-service does, and refuse alike.</summary>
[Collection(CrossServiceSuite.Name)]
public sealed partial class RemoteAuthenticationTests(CrossServiceFixture system)
{
    [Theory]
    [MemberData(nameof(TenantRoutes.OfOtherServices), MemberType = typeof(TenantRoutes))]
    public async Task A_key_issued_by_the_operator_authenticates_in_every_header_form(string service, string path)
    {
        var key = await system.IssueKeyAsync();
        foreach (var (form, headers) in key.HeaderForms())
        {
            using var response = await system.Client(service, headers).GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{service} {form}");
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
            if (path == TenantRoutes.Identities)
            {
                body.GetProperty("identities").GetArrayLength().ShouldBe(0);
            }
            else
            {
                body.GetProperty("object").GetString().ShouldBe("InvitationList");
                body.GetProperty("items").GetArrayLength().ShouldBe(0);
                body.GetProperty("cursor").ValueKind.ShouldBe(JsonValueKind.Null);
            }
        }
    }

    [Theory]
    [MemberData(nameof(TenantRoutes.OfOtherServices), MemberType = typeof(TenantRoutes))]
    public async Task Missing_and_bad_keys_get_the_same_401_as_on_seat_service(string service, string path)
    {
        var key = await system.IssueKeyAsync();
        var seatServiceBody = await RefusalAsync(CrossServiceFixture.SeatService, "/user-list", new Dictionary<string, string>());

        var refused = new Dictionary<string, string>[]
        {
            [],
            new() { ["x-access-key"] = "oak_thisisnotakey" },
            new() { ["Authorization"] = "Bearer oak_thisisnotakey" },
            new() { ["X-API-KEY"] = key.KeyId, ["X-API-SECRET"] = key.Secret + "x" },
            new() { ["X-API-KEY"] = "key_doesnotexist", ["X-API-SECRET"] = key.Secret },
        };
        foreach (var headers in refused)
            (await RefusalAsync(service, path, headers)).ShouldBe(seatServiceBody, string.Join(",", headers.Keys));

        // A header sent twice is ambiguous and authenticates nothing, even when both copies are the good key.
        var twice = system.Client(service);
        twice.DefaultRequestHeaders.Add("x-access-key", [key.AccessKey, key.AccessKey]);
        using var response = await twice.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private async Task<string> RefusalAsync(string service, string path, IReadOnlyDictionary<string, string> headers)
    {
        using var response = await system.Client(service, headers).GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"{service} {string.Join(",", headers.Keys)}");
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return TraceId().Replace(await response.Content.ReadAsStringAsync(), "");
    }

    // The only part of a refusal that may differ between two answers.
    [GeneratedRegex("\"trace_?[iI]d\":\"[^\"]*\",?")]
    private static partial Regex TraceId();
}
