using System.Buffers;
using System.IO.Compression;

namespace Outreach.Dashboard.Otlp;

/// <summary>
/// A request body read whole into a pooled buffer (a batch is decoded in one go), gunzipped when the sender said
/// <c>Content-Encoding: gzip</c>. Return it with <see cref="Dispose"/>.
/// </summary>
internal sealed class OtlpRequestBody : IDisposable
{
    /// <summary>Far above an SDK batch (512 spans is ~100–300 KiB); what a gzip bomb may expand to at most.</summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    private byte[] _buffer;

    private OtlpRequestBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        Length = length;
    }

    public int Length { get; }

    public ReadOnlySpan<byte> Span => _buffer.AsSpan(0, Length);

    /// <exception cref="InvalidDataException">Not gzip although it said so, or a content encoding we do not speak.</exception>
    /// <exception cref="OtlpBodyTooLargeException">Over <see cref="MaxBytes"/>.</exception>
    public static async Task<OtlpRequestBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var encoding = request.Headers.ContentEncoding.ToString();
        if (encoding.Length == 0 || string.Equals(encoding, "identity", StringComparison.OrdinalIgnoreCase))
        {
            return await ReadAllAsync(request.Body, request.ContentLength, cancellationToken);
        }

        if (!string.Equals(encoding, "gzip", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidDataException($"Content-Encoding '{encoding}' is not supported; send gzip or none.");
        }

        await using var gunzip = new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true);
        return await ReadAllAsync(gunzip, null, cancellationToken);
    }

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<OtlpRequestBody> ReadAllAsync(Stream stream, long? knownLength, CancellationToken cancellationToken)
    {
        if (knownLength > MaxBytes)
        {
            throw new OtlpBodyTooLargeException();
        }

        var buffer = ArrayPool<byte>.Shared.Rent(knownLength is > 0 ? (int)knownLength + 1 : 64 * 1024);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length >= MaxBytes)
                    {
                        throw new OtlpBodyTooLargeException();
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(MaxBytes + 1, buffer.Length * 2));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > MaxBytes)
                {
                    throw new OtlpBodyTooLargeException();
                }
            }

            return new OtlpRequestBody(buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}

public sealed class OtlpBodyTooLargeException() : Exception($"The request body is over {OtlpRequestBody.MaxBytes / (1024 * 1024)} MiB.");
