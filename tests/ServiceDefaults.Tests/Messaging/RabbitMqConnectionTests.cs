using Outreach.ServiceDefaults.Messaging;
using Shouldly;

namespace Outreach.ServiceDefaults.Tests.Messaging;

public sealed class RabbitMqConnectionTests
{
    [Fact]
    public void An_aspire_connection_string_gives_host_port_and_decoded_credentials()
    {
        var connection = RabbitMqConnection.Parse("amqp://outreach:p%40ss%3Aw0rd@127.0.0.1:35672");

        connection.ShouldBe(new RabbitMqConnection("127.0.0.1", 35672, "/", "outreach", "p@ss:w0rd", UseTls: false));
    }

    [Fact]
    public void A_virtual_host_and_tls_are_recognised()
    {
        var connection = RabbitMqConnection.Parse("amqps://u:p@broker.example.com/outreach");

        connection.ShouldBe(new RabbitMqConnection("broker.example.com", 5671, "outreach", "u", "p", UseTls: true));
    }

    [Fact]
    public void Its_text_never_contains_the_password()
    {
        RabbitMqConnection.Parse("amqp://outreach:sup3rsecret@127.0.0.1:5672").ToString()
            .ShouldBe("amqp://127.0.0.1:5672/");
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Port=5672")]
    [InlineData("http://127.0.0.1:5672")]
    public void Anything_but_an_amqp_uri_is_refused(string connectionString) =>
        Should.Throw<FormatException>(() => RabbitMqConnection.Parse(connectionString));
}
