using System.Text.Json.Serialization;

namespace Outreach.AppHost.Hosting.State;

/// <summary>One child process of a run, identified well enough to be killed safely by a later run.</summary>
internal sealed record PidRecord(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("pid")] int Pid,
    [property: JsonPropertyName("start_time")] long StartTime,
    [property: JsonPropertyName("stop_signal")] int StopSignal,
    [property: JsonPropertyName("epmd_port")] int? EpmdPort);
