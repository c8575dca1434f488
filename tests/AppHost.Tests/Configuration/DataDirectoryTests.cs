using Outreach.AppHost.Hosting;
using Outreach.AppHost.Hosting.State;
using Shouldly;
using Xunit;

namespace Outreach.AppHost.Tests.Configuration;

/// <summary>What persists between runs, and --fresh. These build an application without starting servers.</summary>
public sealed class DataDirectoryTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("outreach-data-").FullName;

    [Fact]
    public async Task Generated_credentials_and_ports_are_kept_for_the_next_run()
    {
        var first = await ConnectionStringsOfARunAsync("--data-dir", _directory);
        var second = await ConnectionStringsOfARunAsync("--data-dir", _directory);

        second.ShouldBe(first);
    }

    [Fact]
    public async Task Fresh_wipes_the_data_directory_and_with_it_the_generated_credentials()
    {
        var first = await ConnectionStringsOfARunAsync("--data-dir", _directory);
        await File.WriteAllTextAsync(Path.Combine(_directory, "marker"), "old data");

        var fresh = await ConnectionStringsOfARunAsync("--data-dir", _directory, "--fresh");

        File.Exists(Path.Combine(_directory, "marker")).ShouldBeFalse();
        fresh.Postgres.ShouldNotBe(first.Postgres);
    }

    [Fact]
    public async Task Two_apphosts_cannot_share_a_data_directory()
    {
        await using var running = Build("--data-dir", _directory);

        var second = Should.Throw<DistributedApplicationException>(() => Build("--data-dir", _directory));

        second.Message.ShouldContain("Another AppHost");
    }

    [Fact]
    public void The_default_data_directory_is_dot_outreach_at_the_repository_root()
    {
        var path = DataDirectory.DefaultPath();

        Path.GetFileName(path).ShouldBe(".outreach");
        File.Exists(Path.Combine(Path.GetDirectoryName(path)!, "Outreach.sln")).ShouldBeTrue();
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static async Task<(string Postgres, string RabbitMq)> ConnectionStringsOfARunAsync(params string[] args)
    {
        await using var app = Build(args);
        var postgres = app.Model.Find("postgres") as Hosting.ApplicationModel.IResourceWithConnectionString;
        var rabbitMq = app.Model.Find("rabbitmq") as Hosting.ApplicationModel.IResourceWithConnectionString;
        return (postgres!.GetConnectionString(), rabbitMq!.GetConnectionString());
    }

    private static DistributedApplication Build(params string[] args)
    {
        var builder = DistributedApplication.CreateBuilder(new DistributedApplicationOptions { Args = args, ConsoleOutput = false, AllowExternalResources = false });
        builder.AddPostgres("postgres");
        builder.AddRabbitMQ("rabbitmq");
        return builder.Build();
    }
}
