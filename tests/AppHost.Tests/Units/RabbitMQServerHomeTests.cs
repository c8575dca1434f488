using Outreach.AppHost.Hosting.RabbitMQ;
using Shouldly;
using Xunit;

namespace Outreach.AppHost.Tests.Units;

/// <summary>
/// The node boots from a trimmed view of the installation: its own copy of the scripts, the installation's escripts,
/// and only the applications the core broker needs. Built here over an installation laid out like Debian's package.
/// </summary>
public sealed class RabbitMQServerHomeTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rabbitmq-home-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void The_home_holds_the_scripts_the_escripts_and_only_what_the_core_needs()
    {
        var installed = Install();

        var server = RabbitMQServerHome.Prepare(installed, Home);

        server.ShouldBe(Path.Combine(Home, "sbin", "rabbitmq-server"));
        new FileInfo(server).LinkTarget.ShouldBeNull("a copy: rabbitmq-env finds its home from its script's real path");
        File.ReadAllText(server).ShouldBe("#!/bin/sh\n# the server\n");
        File.Exists(Path.Combine(Home, "sbin", "rabbitmq-env")).ShouldBeTrue();
        new DirectoryInfo(Path.Combine(Home, "escript")).LinkTarget.ShouldBe(Path.Combine(Installation, "escript"));
        Directory.GetFileSystemEntries(Path.Combine(Home, "plugins")).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(["aten-0.5.8", "ra-2.2.0", "rabbit-3.10.8", "rabbit_common-3.10.8", "rabbitmq_prelaunch-3.10.8", "seshat-0.3.2"]);
        new DirectoryInfo(Path.Combine(Home, "plugins", "ra-2.2.0")).LinkTarget.ShouldBe(Path.Combine(Installation, "plugins", "ra-2.2.0"));
    }

    [Fact]
    public void Preparing_again_replaces_the_home_and_leaves_the_installation_whole()
    {
        var installed = Install();
        RabbitMQServerHome.Prepare(installed, Home);
        var before = Directory.GetFiles(Installation, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();

        RabbitMQServerHome.Prepare(installed, Home).ShouldBe(Path.Combine(Home, "sbin", "rabbitmq-server"));

        Directory.GetFiles(Installation, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ShouldBe(before);
        Directory.GetFileSystemEntries(Path.Combine(Home, "plugins")).Length.ShouldBe(6);
    }

    [Fact]
    public void An_installation_of_another_layout_is_run_as_it_is()
    {
        var script = Path.Combine(_root, "custom", "start-broker");
        Directory.CreateDirectory(Path.GetDirectoryName(script)!);
        File.WriteAllText(script, "#!/bin/sh\n");

        RabbitMQServerHome.Prepare(script, Home).ShouldBe(script);
        Directory.Exists(Home).ShouldBeFalse();
    }

    private string Installation => Path.Combine(_root, "lib", "rabbitmq_server-3.10.8");

    private string Home => Path.Combine(_root, "data", "rabbitmq", "server");

    /// <summary>Debian's layout: bin/rabbitmq-server links to lib/rabbitmq_server-*/sbin/rabbitmq-server.</summary>
    private string Install()
    {
        Write("sbin/rabbitmq-server", "#!/bin/sh\n# the server\n");
        Write("sbin/rabbitmq-env", "#!/bin/sh\n");
        Write("escript/rabbitmqctl", "escript");
        Application("rabbit-3.10.8", "rabbit", "{applications, [kernel, stdlib, mnesia, rabbit_common, ra]}");
        Application("rabbit_common-3.10.8", "rabbit_common", "{applications, [kernel, stdlib]}");
        Application("rabbitmq_prelaunch-3.10.8", "rabbitmq_prelaunch", "{applications, [kernel]}");
        Application("ra-2.2.0", "ra", "{applications, [kernel, aten]}, {optional_applications, ['seshat']}");
        Application("aten-0.5.8", "aten", "{applications, [kernel]}");
        Application("seshat-0.3.2", "seshat", "{applications, []}");
        Application("rabbitmq_management-3.10.8", "rabbitmq_management", "{applications, [kernel, rabbit, cowboy]}");
        Application("cowboy-2.8.0", "cowboy", "{applications, [kernel, ranch]}");
        Application("ranch-2.1.0", "ranch", "{applications, [kernel]}");
        var bin = Directory.CreateDirectory(Path.Combine(_root, "bin")).FullName;
        var link = Path.Combine(bin, "rabbitmq-server");
        File.CreateSymbolicLink(link, "../lib/rabbitmq_server-3.10.8/sbin/rabbitmq-server");
        return link;
    }

    private void Application(string directory, string name, string lists) =>
        Write($"plugins/{directory}/ebin/{name}.app", $"{{application, {name}, [{{description, \"{name}\"}}, {{vsn, \"1\"}}, {lists}, {{env, []}}]}}.\n");

    private void Write(string relative, string text)
    {
        var path = Path.Combine(Installation, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
