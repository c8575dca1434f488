using Outreach.AppHost.Hosting.ApplicationModel;
using Outreach.AppHost.Hosting.RabbitMQ;

namespace Outreach.AppHost.Hosting;

public static class RabbitMQBuilderExtensions
{
    /// <summary>A private RabbitMQ node from the machine's rabbitmq-server (or the broker ConnectionStrings:&lt;name&gt; names).</summary>
    public static IResourceBuilder<RabbitMQServerResource> AddRabbitMQ(this IDistributedApplicationBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddResource(new RabbitMQServerResource(name));
    }
}
