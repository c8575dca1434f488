using Outreach.Dashboard.Otlp.Proto.Collector.Logs.V1;
using Outreach.Dashboard.Otlp.Proto.Logs.V1;
using Outreach.Dashboard.Telemetry.Model;
using Outreach.Dashboard.Telemetry.Store;

namespace Outreach.Dashboard.Otlp;

/// <summary>An export of log records into the store, one resource at a time.</summary>
public static class OtlpLogs
{
    public static int Ingest(TelemetryRepository repository, ExportLogsServiceRequest request)
    {
        ArgumentNullException.ThrowIfNull(repository);
        ArgumentNullException.ThrowIfNull(request);
        var total = 0;
        foreach (var resourceLogs in request.ResourceLogs)
        {
            var source = OtlpValues.SourceOf(resourceLogs.Resource);
            var logs = new List<LogEntry>();
            foreach (var scopeLogs in resourceLogs.ScopeLogs)
            {
                var category = StringPool.Share(scopeLogs.Scope?.Name ?? "");
                logs.AddRange(scopeLogs.LogRecords.Select(record => ToEntry(source, category, record)));
            }

            repository.AddLogs(source, logs);
            total += logs.Count;
        }

        return total;
    }

    private static LogEntry ToEntry(TelemetrySource source, string category, LogRecord record)
    {
        var severity = (int)record.SeverityNumber;
        var text = string.IsNullOrEmpty(record.SeverityText) ? null : StringPool.Share(record.SeverityText);
        var time = record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano;
        var message = OtlpValues.Text(record.Body);
        return new LogEntry
        {
            Source = source,
            TimeUnixNano = time != 0 ? (long)time : UnixNanos.Now(),
            SeverityNumber = severity,
            SeverityText = text,
            Level = LogLevels.FromSeverity(severity, text),
            // An event record may carry only its name.
            Message = message.Length > 0 ? message : record.EventName,
            Category = category,
            EventName = string.IsNullOrEmpty(record.EventName) ? null : StringPool.Share(record.EventName),
            Attributes = OtlpValues.Attributes(record.Attributes),
            TraceId = OtlpValues.Id(record.TraceId),
            SpanId = OtlpValues.Id(record.SpanId),
        };
    }
}
