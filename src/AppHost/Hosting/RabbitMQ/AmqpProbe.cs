using System.Net.Sockets;

namespace Outreach.AppHost.Hosting.RabbitMQ;

/// <summary>
/// Readiness of a broker: it accepts a TCP connection and answers the AMQP 0-9-1 protocol header with a
/// Connection.Start method frame. The listener only opens late in RabbitMQ's boot, so this means "ready".
/// </summary>
internal static class AmqpProbe
{
    private static readonly byte[] ProtocolHeader = "AMQP\0\0\u0009\u0001"u8.ToArray();
    private const byte MethodFrame = 1;

    public static async Task<bool> AnswersAsync(string host, int port, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(host, port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync(ProtocolHeader, timeout.Token);
            var reply = new byte[1];
            var read = await stream.ReadAsync(reply, timeout.Token);
            return read == 1 && reply[0] == MethodFrame;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
