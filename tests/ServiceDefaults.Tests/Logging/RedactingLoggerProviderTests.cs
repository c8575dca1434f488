using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Shouldly;

namespace Outreach.ServiceDefaults.Tests.Logging;

/// <summary>
/// AddServiceDefaults puts the redaction around every logger provider: a provider sees redacted attributes, a message
/// rendered from them, redacted scopes and an exception whose text was scrubbed.
/// </summary>
public sealed class RedactingLoggerProviderTests
{
    private const string Password = "Pw-9f8e7d6c5b4a3f2e1d";
    private const string Token = "tok9Xa8Wb7Vc6Ud5Te4Sf3Rg2Qh";

    [Fact]
    public async Task Every_provider_registered_by_the_service_defaults_receives_only_redacted_logs()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production" });
        var sink = new RecordingProvider();
        builder.Logging.AddProvider(sink);
        builder.AddServiceDefaults();
        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Probe");

        using (logger.BeginScope(new Dictionary<string, object?> { ["RequestPath"] = "/c/ct_s301jm0dqeic9gt7rmq2to1u04nlphb2/linkedin" }))
        {
            logger.LogWarning(new HttpRequestException($"GET http://sandbox/api?token={Token} failed"),
                "Login of {SeatId} with {Password} gave {Reason:D}", "seat_01jdx8k2m9q4r7t5v3w6y8z0ab", Password, 42);
        }
        await Task.Yield();

        var entry = sink.Entries.ShouldHaveSingleItem();
        entry.Message.ShouldBe("Login of seat_01jdx8k2m9q4r7t5v3w6y8z0ab with [redacted] gave 42");
        entry.Attributes["SeatId"].ShouldBe("seat_01jdx8k2m9q4r7t5v3w6y8z0ab");
        entry.Attributes["Password"].ShouldBe("[redacted]");
        entry.Attributes["{OriginalFormat}"].ShouldBe("Login of {SeatId} with {Password} gave {Reason:D}");
        entry.Scopes.ShouldHaveSingleItem().ShouldBe("RequestPath=/c/[redacted]/linkedin");
        entry.Exception.ShouldNotContain(Token);
        entry.Exception.ShouldContain("System.Net.Http.HttpRequestException");
        string.Join("\n", sink.Entries.Select(e => e.ToString())).ShouldNotContain(Password);
    }

    /// <summary>A provider that keeps what it is given, the way the console and OpenTelemetry providers read it.</summary>
    private sealed class RecordingProvider : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider? _scopes;

        public List<Entry> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

        public void Dispose() { }

        private sealed class Logger(RecordingProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (state is not IReadOnlyList<KeyValuePair<string, object?>> pairs || !pairs.Any(p => p.Key == "{OriginalFormat}" && Equals(p.Value, "Login of {SeatId} with {Password} gave {Reason:D}")))
                    return;
                var scopes = new List<string>();
                owner._scopes?.ForEachScope((scope, list) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> kv)
                        list.Add(string.Join(",", kv.Select(p => $"{p.Key}={p.Value}")));
                    else
                        list.Add(scope?.ToString() ?? "");
                }, scopes);
                owner.Entries.Add(new Entry(formatter(state, exception), pairs.ToDictionary(p => p.Key, p => p.Value?.ToString()), scopes, exception?.ToString() ?? ""));
            }
        }
    }

    private sealed record Entry(string Message, Dictionary<string, string?> Attributes, List<string> Scopes, string Exception)
    {
        public override string ToString() => $"{Message} {string.Join(",", Attributes)} {string.Join(",", Scopes)} {Exception}";
    }
}
