using System.Globalization;
using System.Text;

namespace Outreach.AppHost.Hosting.RabbitMQ;

/// <summary>The node's rabbitmq.conf: loopback listener and the generated default user.</summary>
internal static class RabbitMQConfiguration
{
    public static string Render(RabbitMQServerResource broker)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"listeners.tcp.default = {broker.Host}:{broker.Port}");
        text.AppendLine(CultureInfo.InvariantCulture, $"default_user = {broker.UserName}");
        text.AppendLine(CultureInfo.InvariantCulture, $"default_pass = {broker.Password}");
        text.AppendLine("default_vhost = /");
        // Everything listens on loopback only, so the default user may connect from there.
        text.AppendLine("loopback_users = none");
        text.AppendLine("log.console = true");
        return text.ToString();
    }
}
