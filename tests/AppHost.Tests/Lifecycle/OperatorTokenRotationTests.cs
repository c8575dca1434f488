using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Outreach.AppHost.Hosting.State;
using Outreach.AppHost.Tests.Support;
using Shouldly;
using Xunit;

namespace Outreach.AppHost.Tests.Lifecycle;

/// <summary>
/// `rotate-operator-token` as an operator meets it: refused while a run holds the data directory; afterwards the next
/// run refuses the old token on seat-service's operator API and identity-service's /internal routes, and takes the new one.
/// </summary>
public sealed class OperatorTokenRotationTests : IDisposable
{
    private const int SigTerm = 15;
    private readonly List<(int Pid, long StartTime)> _seen = [];
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("outreach-rotate-").FullName;

    [Fact]
    public async Task After_rotation_the_old_token_gets_401_and_the_new_one_works()
    {
        string oldToken;
        using (var first = AppHostProcess.Start(["--data-dir", _dataDirectory]))
        {
            using (var state = await first.WaitUntilHealthyAsync(_dataDirectory))
            {
                _seen.AddRange(StateFileReader.Pids(state).Values.SelectMany(ProcessInspector.Tree));
                oldToken = OperatorToken(state);
                (await AdminAsync(state, oldToken)).ShouldBe(HttpStatusCode.Created);
            }

            // A running system keeps the token it started with, so rotating under it is refused.
            using var refused = AppHostProcess.Start(["rotate-operator-token", "--data-dir", _dataDirectory]);
            (await refused.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldNotBe(0);
            SecretsToken().ShouldBe(oldToken);

            first.Signal(SigTerm);
            (await first.WaitForExitAsync(TimeSpan.FromSeconds(90))).ShouldBe(0);
        }

        using (var rotate = AppHostProcess.Start(["rotate-operator-token", "--data-dir", _dataDirectory]))
        {
            (await rotate.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldBe(0, rotate.Output);
            rotate.Output.ShouldContain("Operator token rotated");
            rotate.Output.ShouldNotContain(SecretsToken());
        }
        var newToken = SecretsToken();
        newToken.ShouldNotBe(oldToken);
        newToken.Length.ShouldBeGreaterThanOrEqualTo(43);

        using var second = AppHostProcess.Start(["--data-dir", _dataDirectory]);
        using var next = await second.WaitUntilHealthyAsync(_dataDirectory, [.. _seen.Select(p => p.Pid)]);
        _seen.AddRange(StateFileReader.Pids(next).Values.SelectMany(ProcessInspector.Tree));
        OperatorToken(next).ShouldBe(newToken);

        (await AdminAsync(next, oldToken)).ShouldBe(HttpStatusCode.Unauthorized);
        (await InternalAsync(next, oldToken)).ShouldBe(HttpStatusCode.Unauthorized);
        (await AdminAsync(next, newToken)).ShouldBe(HttpStatusCode.Created);
        // Past the token check: no such identity.
        (await InternalAsync(next, newToken)).ShouldBe(HttpStatusCode.NotFound);

        second.Signal(SigTerm);
        (await second.WaitForExitAsync(TimeSpan.FromSeconds(90))).ShouldBe(0);
    }

    private static string OperatorToken(JsonDocument state) => state.RootElement.GetProperty("operator_token").GetString()!;

    private string SecretsToken() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(_dataDirectory, "secrets.json"))).RootElement.GetProperty("operator_token").GetString()!;

    private static async Task<HttpStatusCode> AdminAsync(JsonDocument state, string token)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{StateFileReader.Url(state, Resources.SeatService)}/admin/accounts")
        {
            Content = new StringContent("""{"name":"Rotation"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static async Task<HttpStatusCode> InternalAsync(JsonDocument state, string token)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"{StateFileReader.Url(state, Resources.IdentityService)}/internal/identities/idn_none/linkedin/status/lsn_none");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    public void Dispose()
    {
        // A failed run must not leave servers behind.
        foreach (var process in _seen.Where(process => ProcessInspector.IsAlive(process.Pid, process.StartTime)))
        {
            AppHostProcess.SignalProcess(process.Pid, 9);
        }

        LeftoverCleaner.CleanAsync(new DataDirectory(_dataDirectory), _ => { }).GetAwaiter().GetResult();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind harms nothing.
        }
    }
}
