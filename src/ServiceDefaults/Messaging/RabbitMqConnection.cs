namespace Outreach.ServiceDefaults.Messaging;

/// <summary>
/// The parts of an Aspire-style RabbitMQ connection string, amqp://user:pass@host:port/vhost. Parsed
/// here so MassTransit is given host, port and credentials separately: its logs and bus address then
/// never contain the password.
/// </summary>
public sealed record RabbitMqConnection(string Host, ushort Port, string VirtualHost, string Username, string Password, bool UseTls)
{
    public const ushort DefaultPort = 5672;
    public const ushort DefaultTlsPort = 5671;

    public static RabbitMqConnection Parse(string connectionString)
    {
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri))
            throw new FormatException("The RabbitMQ connection string is not a URI such as amqp://user:pass@host:5672.");

        var useTls = uri.Scheme switch
        {
            "amqp" or "rabbitmq" => false,
            "amqps" or "rabbitmqs" => true,
            _ => throw new FormatException($"The RabbitMQ connection string uses scheme '{uri.Scheme}'; expected amqp or amqps."),
        };

        var (username, password) = Credentials(uri.UserInfo);
        var port = uri.IsDefaultPort || uri.Port <= 0 ? (useTls ? DefaultTlsPort : DefaultPort) : checked((ushort)uri.Port);
        var path = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return new RabbitMqConnection(uri.Host, port, path.Length == 0 ? "/" : path, username, password, useTls);
    }

    // RabbitMQ's own default account when the URI names none.
    private static (string Username, string Password) Credentials(string userInfo)
    {
        if (string.IsNullOrEmpty(userInfo))
            return ("guest", "guest");
        var separator = userInfo.IndexOf(':', StringComparison.Ordinal);
        return separator < 0
            ? (Uri.UnescapeDataString(userInfo), "")
            : (Uri.UnescapeDataString(userInfo[..separator]), Uri.UnescapeDataString(userInfo[(separator + 1)..]));
    }

    /// <summary>Safe to log: no credentials.</summary>
    public override string ToString() => $"{(UseTls ? "amqps" : "amqp")}://{Host}:{Port}/{(VirtualHost == "/" ? "" : VirtualHost)}";
}
