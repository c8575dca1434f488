using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Outreach.AppHost.Hosting.Demo;
using Outreach.AppHost.Hosting.Orchestration;
using Outreach.AppHost.Hosting.State;
using Shouldly;
using Xunit;

namespace Outreach.AppHost.Tests.Units;

/// <summary>The provisioner against a scripted seat-service: what it retries, what it gives up on, what it keeps.</summary>
public sealed class DemoAccountProvisionerTests : IDisposable
{
    private readonly DataDirectory _directory = new(Directory.CreateTempSubdirectory("outreach-demo-unit-").FullName);
    private readonly List<string> _requests = [];

    [Fact]
    public async Task Server_errors_are_retried_and_a_failed_key_issue_does_not_make_a_second_account()
    {
        var provisioner = Provisioner(out var stateFile,
            Answer(HttpStatusCode.ServiceUnavailable),
            Answer(HttpStatusCode.Created, """{"account_id":"acc_1","name":"Demo"}"""),
            Answer(HttpStatusCode.InternalServerError),
            Answer(HttpStatusCode.Created, """{"key_id":"key_1","access_key":"ak_1","secret":"s_1"}"""));

        await provisioner.ProvisionAsync(CancellationToken.None);

        _requests.ShouldBe(["POST /admin/accounts", "POST /admin/accounts", "POST /admin/accounts/acc_1/access-keys", "POST /admin/accounts/acc_1/access-keys"]);
        stateFile.Demo.ShouldBe(new DemoInfo("acc_1", "ak_1"));
        new DemoCredentialStore(_directory).Load().ShouldBe(new DemoCredentials("acc_1", "key_1", "ak_1"));
    }

    [Fact]
    public async Task A_refused_operator_token_is_not_retried_and_leaves_no_demo()
    {
        var provisioner = Provisioner(out var stateFile, Answer(HttpStatusCode.Unauthorized));

        await provisioner.ProvisionAsync(CancellationToken.None);

        _requests.ShouldBe(["POST /admin/accounts"]);
        stateFile.Demo.ShouldBeNull();
        File.Exists(Path.Combine(_directory.Path, "demo.json")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_stored_demo_is_reused_without_asking_seat_service()
    {
        new DemoCredentialStore(_directory).Save(new DemoCredentials("acc_kept", "key_kept", "ak_kept"));
        var provisioner = Provisioner(out var stateFile);

        await provisioner.ProvisionAsync(CancellationToken.None);

        _requests.ShouldBeEmpty();
        stateFile.Demo.ShouldBe(new DemoInfo("acc_kept", "ak_kept"));
    }

    public void Dispose() => Directory.Delete(_directory.Path, recursive: true);

    private static Func<HttpResponseMessage> Answer(HttpStatusCode status, string? json = null) =>
        () => new HttpResponseMessage(status) { Content = new StringContent(json ?? "", Encoding.UTF8, "application/json") };

    private DemoAccountProvisioner Provisioner(out AppHostStateFile stateFile, params Func<HttpResponseMessage>[] answers)
    {
        var script = new Queue<Func<HttpResponseMessage>>(answers);
        var http = new HttpClient(new ScriptedHandler(request =>
        {
            _requests.Add($"{request.Method} {request.RequestUri!.AbsolutePath}");
            request.Headers.Authorization?.ToString().ShouldBe("Bearer operator-token");
            return script.Dequeue()();
        }))
        { BaseAddress = new Uri("http://seat-service.test/") };
        stateFile = new AppHostStateFile(_directory, new ResourceNotificationService(), "operator-token");
        return new DemoAccountProvisioner(
            new DemoCredentialStore(_directory),
            new SeatServiceOperatorClient(http, "operator-token"),
            stateFile,
            NullLogger.Instance,
            [TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero]);
    }

    private sealed class ScriptedHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer(request));
    }
}
