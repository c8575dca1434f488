using System.Text.Json;

namespace Outreach.AppHost.Hosting.State;

internal static class JsonOptions
{
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
}
