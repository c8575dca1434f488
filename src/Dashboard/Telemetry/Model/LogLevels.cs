namespace Outreach.Dashboard.Telemetry.Model;

/// <summary>OTLP severities as the .NET log levels the pages show (and the CSS colours: .level-Error, .level-Warning).</summary>
public static class LogLevels
{
    public static IReadOnlyList<LogLevel> Shown { get; } =
        [LogLevel.Trace, LogLevel.Debug, LogLevel.Information, LogLevel.Warning, LogLevel.Error, LogLevel.Critical];

    /// <summary>OTLP gives four numbers per level: 1–4 trace … 17–20 error, 21–24 fatal.</summary>
    public static LogLevel FromSeverity(int severityNumber, string? severityText) => severityNumber switch
    {
        >= 1 and <= 4 => LogLevel.Trace,
        >= 5 and <= 8 => LogLevel.Debug,
        >= 9 and <= 12 => LogLevel.Information,
        >= 13 and <= 16 => LogLevel.Warning,
        >= 17 and <= 20 => LogLevel.Error,
        >= 21 => LogLevel.Critical,
        _ => TryParse(severityText, out var level) ? level : LogLevel.Information,
    };

    /// <summary>Reads a level as people type it: the .NET names and the OTLP short ones (warn, info, fatal), any case.</summary>
    public static bool TryParse(string? text, out LogLevel level)
    {
        LogLevel? parsed = text?.Trim().ToUpperInvariant() switch
        {
            "TRACE" or "VERBOSE" => LogLevel.Trace,
            "DEBUG" => LogLevel.Debug,
            "INFORMATION" or "INFO" => LogLevel.Information,
            "WARNING" or "WARN" => LogLevel.Warning,
            "ERROR" => LogLevel.Error,
            "CRITICAL" or "FATAL" => LogLevel.Critical,
            _ => null,
        };
        level = parsed ?? LogLevel.None;
        return parsed is not null;
    }
}
